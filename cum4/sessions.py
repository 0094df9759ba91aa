"""Session lifetimes: logged out after an idle spell and after an absolute lifetime.

Django's own expiry slides with each save of the session; the two limits here are kept in the
session itself. `SESSION_IDLE_SECONDS` counts from the last request, `SESSION_MAX_AGE_SECONDS`
from the login. The last request's time is written at most every `seen_resolution()` seconds
(a tenth of the idle limit, at most 5 minutes), so that pages do not write the session on every
request; both times are set at login.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

STARTED_KEY = "cum4_session_started"
SEEN_KEY = "cum4_session_seen"


def seen_resolution() -> int:
    return min(300, settings.SESSION_IDLE_SECONDS // 10)


def session_deadlines(request: HttpRequest) -> dict[str, int]:
    """Epoch seconds at which this session ends if no other request comes (counted, as the
    middleware does, from the last recorded request) and at the latest, the server's now,
    and how many seconds before the end the page should warn."""
    now = int(time.time())
    seen = request.session.get(SEEN_KEY, now)
    started = request.session.get(STARTED_KEY, now)
    return {
        "idleEndsAt": seen + settings.SESSION_IDLE_SECONDS,
        "endsAt": started + settings.SESSION_MAX_AGE_SECONDS,
        "warnBefore": settings.SESSION_WARNING_SECONDS,
        "now": now,
    }


@receiver(user_logged_in, dispatch_uid="cum4_session_clock")
def _start_session_clock(sender, request: HttpRequest | None, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[STARTED_KEY] = now
        request.session[SEEN_KEY] = now


class SessionTimeoutMiddleware:
    """A session past either limit is logged out before the view and sent to the login page.
    Checked in process_view, after the page cache has read its snapshot (cum4.page_cache)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if request.user.is_authenticated and self._expired(request):
            return redirect_to_login(request.get_full_path())
        return None

    def _expired(self, request: HttpRequest) -> bool:
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
            return True
        if seen is None or now - seen >= seen_resolution():
            session[SEEN_KEY] = now
        return False
