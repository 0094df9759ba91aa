"""A request whose database connection was lost: a read is run once more, anything else gets
the 503 page, never a 500.

PostgreSQL ends a connection on a restart, a failover or `pg_terminate_backend`; Django checks
a persistent connection at the start of a request (`conn_health_checks`) but not between two
queries of one. The error then surfaces wherever the next query runs (a middleware, the view,
the template), and Django turns it into a response inside the middleware chain, through
`handler500` (`server_error` below). That handler answers the 503 page and marks the request;
the outermost middleware then runs a GET or HEAD once more on a fresh connection. A write is
never run again: the person is told that it may not have been saved.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)

SAFE_METHODS = ("GET", "HEAD")
LOST_MARK = "_cum4_db_connection_lost"


def connection_lost(exc: BaseException | None) -> bool:
    """True when `exc` is a database error and a connection it may come from is gone."""
    if not isinstance(exc, (OperationalError, InterfaceError)):
        return False
    for conn in connections.all(initialized_only=True):
        if conn.connection is None or not conn.is_usable():
            return True
    return False


def _close_lost_connections() -> None:
    for conn in connections.all(initialized_only=True):
        if conn.connection is None or not conn.is_usable():
            conn.close()


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The Vietnamese 503 page: rendered without the database (no user, no menu)."""
    template = loader.get_template("503.html")
    content = template.render({"is_write": request.method not in SAFE_METHODS})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = "5"
    return response


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a lost connection answers 503; anything else Django's 500 page."""
    if connection_lost(sys.exc_info()[1]):
        setattr(request, LOST_MARK, True)
        if not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            _close_lost_connections()  # the next query opens a new one
        return unavailable_response(request)
    return defaults.server_error(request)


class RetryLostConnectionMiddleware:
    """Outermost: a GET or HEAD that lost its connection runs once more, from the top."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not getattr(request, LOST_MARK, False) or request.method not in SAFE_METHODS:
            return response
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return response  # a connection cannot be reopened inside a transaction
        delattr(request, LOST_MARK)
        logger.warning("Database connection lost; running %s %s once more", request.method, request.path)
        return self.get_response(request)
