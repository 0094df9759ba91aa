"""The page a locked-out login gets (django-axes): when to try again, and who can unlock."""

from __future__ import annotations

from axes.helpers import get_cool_off, get_failure_limit
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """Axes' lockout callable. A failure during the lockout restarts the cool-off
    (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), so the wait counts from now."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "retry_at": timezone.localtime() + cool_off if cool_off else None,
        "cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "registration/lockout.html", context, status=429)
