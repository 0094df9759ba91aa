"""Values remembered for the length of one request, never longer.

The dated rules (quarter windows, deadlines) are read by several parts of one page (the
reporting year, the tasks of each app, the periods shown): each read was a query and a
rebuild. Kept for the request only, so an edit in the admin shows on the next page; outside a
request (commands, tests calling selectors) nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.http import HttpRequest, HttpResponse

T = TypeVar("T")

_memo: ContextVar[dict | None] = ContextVar("cum4_request_memo", default=None)


def remembered(key: tuple, compute: Callable[[], T]) -> T:
    """`compute()`, computed once per request for `key` (every time outside a request)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


class RequestMemoMiddleware:
    """Opens an empty memo for each request and drops it after."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
