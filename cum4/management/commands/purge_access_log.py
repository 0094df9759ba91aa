from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from cum4.audit.services import access_log_purge


class Command(BaseCommand):
    help = "Delete access-log rows older than ACCESS_LOG_DAYS days (each new row also does)."

    def handle(self, *args, **options) -> None:
        deleted = access_log_purge()
        self.stdout.write(f"{deleted} access-log rows older than {settings.ACCESS_LOG_DAYS} days deleted.")
