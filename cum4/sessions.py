"""Session lifetimes: logged out after an idle spell and after an absolute lifetime.

Django's own expiry slides with each save of the session; the two limits here are kept in the
session itself. `SESSION_IDLE_SECONDS` counts from the last request, `SESSION_MAX_AGE_SECONDS`
from the login. The last request's time is written at most once a minute, so that a reader's
pages do not write the session on every request.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

STARTED_KEY = "cum4_session_started"
SEEN_KEY = "cum4_session_seen"
SEEN_RESOLUTION = 60


def session_deadlines(request: HttpRequest) -> dict[str, int]:
    """The epoch seconds at which the session ends if idle from now, and at the latest."""
    now = int(time.time())
    started = request.session.get(STARTED_KEY, now)
    return {
        "idleEndsAt": now + settings.SESSION_IDLE_SECONDS,
        "endsAt": started + settings.SESSION_MAX_AGE_SECONDS,
        "warnBefore": settings.SESSION_WARNING_SECONDS,
    }


class SessionTimeoutMiddleware:
    """After the authentication: a session past either limit is logged out before the view
    (the login-required middleware then sends the person to the login page)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request: HttpRequest) -> None:
        now = int(time.time())
        session = request.session
        started = session.get(STARTED_KEY)
        seen = session.get(SEEN_KEY)
        if started is None:
            session[STARTED_KEY] = started = now
        idle = seen is not None and now - seen > settings.SESSION_IDLE_SECONDS
        if idle or now - started > settings.SESSION_MAX_AGE_SECONDS:
            logout(request)
            messages.warning(request, _("Your session has ended; please log in again."))
            return
        if seen is None or now - seen >= SEEN_RESOLUTION:
            session[SEEN_KEY] = now
