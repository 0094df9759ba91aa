"""Send the reminders due today (deadlines approaching or passed) and retry failed e-mails.

Run once a day (cron, or the `reminders` service of docker-compose.yml). Running it again the
same day sends nothing more: each reminder is recorded per recipient and day.
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cum4.notifications.reminders import reminders_send
from cum4.notifications.services import emails_send_pending

RETRY_DAYS = 3


class Command(BaseCommand):
    help = "Send the reminders of deadlines due today (idempotent per day) and pending e-mails."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--date",
            help="The day to run for, YYYY-MM-DD (default: today in Vietnam time).",
        )

    def handle(self, *args, **options) -> None:
        today = timezone.localdate()
        if options["date"]:
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be a day written YYYY-MM-DD.") from None
        result = reminders_send(today=today)
        retried = emails_send_pending(since=timezone.now() - dt.timedelta(days=RETRY_DAYS))
        self.stdout.write(
            f"{today:%d/%m/%Y}: {result.reminders} reminders, "
            f"{result.notifications} new notifications, {retried} e-mails retried."
        )
