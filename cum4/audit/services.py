from __future__ import annotations

import datetime as dt

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from cum4.audit.models import AccessRecord


def access_log_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the records older than ACCESS_LOG_DAYS days; returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.ACCESS_LOG_DAYS)
    deleted, _ = AccessRecord.objects.filter(at__lt=cutoff).delete()
    return deleted


def access_record(
    *, user, action: str, what: str, request: HttpRequest | None = None
) -> AccessRecord:
    """Write one access-log row (`what`: a file name or a description, cut to 300 characters),
    and drop the rows past their retention on the way: the index on `at` keeps it cheap."""
    access_log_purge()
    record = AccessRecord(
        user=user if getattr(user, "is_authenticated", False) else None,
        username=getattr(user, "username", "") or "",
        action=action,
        what=what[:300],
        path=request.get_full_path()[:500] if request is not None else "",
        ip_address=get_client_ip_address(request) if request is not None else None,
    )
    record.full_clean(exclude=["user"])  # the user is the request's: no query to check it
    record.save()
    return record


def user_rights_change_record(*, by, before, after, request: HttpRequest | None = None) -> None:
    """Record a change of `after`'s role or unit (from `before`, the row as it was), if any."""
    field = after._meta.get_field
    changes = [
        f"{label}: {old or '–'} → {new or '–'}"
        for label, old, new in (
            (field("role").verbose_name, before.get_role_display(), after.get_role_display()),
            (field("unit").verbose_name, before.unit, after.unit),
        )
        if old != new
    ]
    if changes:
        access_record(
            user=by,
            action=AccessRecord.Action.USER_CHANGE,
            what=f"{after.username}: " + "; ".join(str(c) for c in changes),
            request=request,
        )
