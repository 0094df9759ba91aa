"""Whole pages served again while the database has not changed: keyed by its snapshot.

A PostgreSQL snapshot (`pg_current_snapshot()`) names exactly whose writes a reader sees, so
two requests that take the same snapshot read the same rows, whichever path wrote them:
services, the admin, imports, bulk updates or SQL typed by hand. A page is therefore rendered
once per audience, language, day, address and snapshot, and served from the cache until the
next commit anywhere in the database moves the snapshot. The audience is whom the page can
differ for: the role, the unit and the admin flags, since every permission these pages check
is a rule on those and on the data (`cum4.permissions`), which the snapshot fixes; an admin
may hold permissions of their own and is an audience alone, and a view whose page depends on
the person asks for `per_user`. The request that renders a page costs what it did, the
content caches beneath it included.

Three conditions make that hold:

- the snapshot is read before anything the page is computed from, the user included:
  `DataSnapshotMiddleware` reads it in `process_view`, ahead of the authentication;
- a transaction that has written sees its own uncommitted rows, which no snapshot names: it
  is neither served nor stored (so a test inside a transaction always renders);
- what belongs to the request and not to the data is put back or left out: the user's name
  and unread count in the menu, the CSRF token masked afresh for the browser that asks; a
  request with messages to show renders.

The snapshot is the server's, not the database's: a commit in another database of the same
PostgreSQL server, or an autoanalyze, moves it too, and pages are then rendered more often,
never wrongly (docker-compose.yml gives the app a server of its own). Only PostgreSQL has such
a name (PostgreSQL 13 or later); on SQLite (the demo) every request renders. `PAGE_CACHE=0`
turns it off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import get_language

from cum4.content_cache import content_key
from cum4.notifications.selectors import unread_count

if TYPE_CHECKING:
    from cum4.models import User

View = Callable[..., HttpResponse]

# What `{% csrf_token %}` writes: one masked token per render, 64 letters and digits.
_CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
_CSRF_MARK = b"\x00cum4-csrf-token\x00"
# The layout's user menu (base.html): the one place a page shows who is signed in.
_USER_MENU = re.compile(rb'(data-testid="user-menu">)([^<]*)(</a>)')
_USER_MARK = b"\x00cum4-user-name\x00"
# The bell's unread count (notifications/_bell.html): the person's own, read with the user.
_UNREAD = re.compile(rb'(data-testid="notification-count">)([0-9]*)(</span>)')
_UNREAD_MARK = b"\x00cum4-unread\x00"


def read_snapshot() -> str | None:
    """The snapshot this connection reads in, or None where it names nothing reusable: not
    PostgreSQL, or inside a transaction that has written."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned() IS NULL"
        )
        snapshot, clean = cursor.fetchone()
    return snapshot if clean else None


class DataSnapshotMiddleware:
    """Reads the snapshot for a page that is cached by it, before any view code or the
    authentication reads a row. Listed before AuthenticationMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: View, view_args, view_kwargs):
        if (
            request.method == "GET"
            and getattr(view_func, "cached_per_snapshot", False)
            and getattr(settings, "PAGE_CACHE", True)
        ):
            request.data_snapshot = read_snapshot()
        return None


def _audience(user: User, per_user: bool) -> tuple:
    """Whom a page is rendered for: everyone with the same role, unit and admin flags sees
    the same page (see the module's docstring); an admin, or a page that asks, one user."""
    if per_user or user.is_staff or user.is_superuser:
        return ("user", user.pk)
    return ("role", user.role, user.unit_id)


def _key(request: HttpRequest, per_user: bool) -> str | None:
    """None unless the middleware read a snapshot (a GET, the cache on, PostgreSQL, no write)."""
    snapshot = getattr(request, "data_snapshot", None)
    if snapshot is None or not request.user.is_authenticated:
        return None
    if len(messages.get_messages(request)):  # the layout shows them once, to this request
        return None
    parts = (
        connection.settings_dict["NAME"],
        snapshot,
        _audience(request.user, per_user),
        get_language(),
        timezone.localdate().isoformat(),  # due, late and open windows move with the day
        get_script_prefix(),
        request.get_host(),
        request.get_full_path(),
        request.headers.get("HX-Request", ""),
    )
    return content_key("cum4-page", parts)


def _storable(request: HttpRequest, response: HttpResponse) -> bytes | None:
    """The page with the user's name and its CSRF token replaced by marks, or None when it
    must not be kept."""
    if (
        response.status_code != 200
        or response.streaming
        or response.cookies
        or not response.get("Content-Type", "").startswith("text/html")
    ):
        return None
    content = response.content
    tokens = set(_CSRF_INPUT.findall(content))
    if len(tokens) > 1 or (not tokens and request.META.get("CSRF_COOKIE_NEEDS_UPDATE")):
        return None  # the page holds a token where we cannot see to replace it
    for token in tokens:
        content = content.replace(token, _CSRF_MARK)
    content, menus = _USER_MENU.subn(rb"\1" + _USER_MARK + rb"\3", content)
    content, bells = _UNREAD.subn(rb"\1" + _UNREAD_MARK + rb"\3", content)
    return content if menus == 1 and bells == 1 else None


def _served(request: HttpRequest, stored: tuple[str, bytes]) -> HttpResponse:
    content_type, content = stored
    if _CSRF_MARK in content:
        content = content.replace(_CSRF_MARK, get_token(request).encode())
    content = content.replace(_USER_MARK, escape(str(request.user)).encode())
    unread = unread_count(request.user)
    content = content.replace(_UNREAD_MARK, str(unread).encode() if unread else b"")
    return HttpResponse(content, content_type=content_type)


def cached_per_snapshot(view: View | None = None, *, per_user: bool = False):
    """Serve `view`'s page again to its audience (or, `per_user`, to the same user) while the
    database snapshot is the same. `@cached_per_snapshot` or `@cached_per_snapshot(per_user=True)`."""
    if view is None:
        return lambda view: cached_per_snapshot(view, per_user=per_user)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = _key(request, per_user)
        if key is None:
            return view(request, *args, **kwargs)
        pages = caches["pages"]
        stored = pages.get(key)
        if stored is not None:
            return _served(request, stored)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        content = _storable(request, response)
        if content is not None:
            pages.set(key, (response["Content-Type"], content))
        return response

    wrapper.cached_per_snapshot = True  # type: ignore[attr-defined]
    return wrapper
