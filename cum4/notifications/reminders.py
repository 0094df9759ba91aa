"""Reminders of deadlines: before a deadline and once it has passed, to whoever still has to act.

The deadlines come from the apps (`registry.deadline_providers`), which read them from their
dated rule rows; this module only decides on which days a deadline is recalled. A reminder is
recorded per recipient under `<deadline key>:<stage>:<day>`, so running `send_reminders` twice
on one day sends it once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cum4.notifications.models import Notification
from cum4.notifications.services import Message, Notice, notify_keyed
from cum4.registry import Deadline, registry

SOON, PASSED = "soon", "passed"
STAGE_TEXTS = {
    SOON: _("Due on %(due)s: %(what)s"),
    PASSED: _("Overdue since %(due)s: %(what)s"),
}
STAGE_KINDS = {
    SOON: Notification.Kind.DEADLINE_APPROACHING,
    PASSED: Notification.Kind.DEADLINE_PASSED,
}


def reminder_stage(due: dt.date, today: dt.date) -> str | None:
    """SOON on the days `settings.REMINDER_DAYS_BEFORE` before `due`, PASSED on the days
    `settings.REMINDER_DAYS_AFTER` after it, otherwise None (days in Vietnam time)."""
    days = (due - today).days
    if days in settings.REMINDER_DAYS_BEFORE:
        return SOON
    if -days in settings.REMINDER_DAYS_AFTER:
        return PASSED
    return None


def reminder_years(today: dt.date) -> list[int]:
    """The years whose deadlines can be recalled on `today` (two around New Year)."""
    first = today - dt.timedelta(days=max(settings.REMINDER_DAYS_AFTER, default=0))
    last = today + dt.timedelta(days=max(settings.REMINDER_DAYS_BEFORE, default=0))
    return sorted({first.year, last.year})


@dataclass(frozen=True)
class RunResult:
    reminders: int  # deadlines recalled today
    notifications: int  # notifications created (one per recipient not yet reminded today)


def reminders_send(*, today: dt.date) -> RunResult:
    """Remind the recipients of every deadline whose stage falls on `today`: all of them
    written at once, so the queries do not grow with the number of units (the providers
    read theirs in a constant number each)."""
    notices = []
    for provider in registry.deadline_providers:
        for deadline in provider(today=today):
            stage = reminder_stage(deadline.due, today)
            if stage is None or not deadline.recipients:
                continue
            notices.append(Notice(
                recipients=tuple(deadline.recipients),
                kind=STAGE_KINDS[stage],
                message=_message(deadline, stage),
                url=deadline.url,
                key=f"{deadline.key}:{stage}:{today.isoformat()}",
            ))
    return RunResult(len(notices), notify_keyed(notices=notices))


def _message(deadline: Deadline, stage: str) -> Message:
    return Message(
        STAGE_TEXTS[stage],
        {"due": deadline.due.strftime("%d/%m/%Y"), "what": Message(deadline.what, deadline.params)},
    )
