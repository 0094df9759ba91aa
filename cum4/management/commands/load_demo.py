"""`manage.py load_demo`: the demo cluster, idempotent (run it twice, get the same rows)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from cum4 import demo
from cum4.registry import registry


class Command(BaseCommand):
    help = "Load the demo: Cụm thi đua số IV (2022 review) with its units, users and data."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the logins.")

    def handle(self, *args, quiet_logins: bool = False, **options) -> None:
        with transaction.atomic(), demo.history_of_changes_only():
            demo.load_core()
            for loader in registry.demo_loaders:
                self.stdout.write(f"  {loader.name}…")
                loader.load()
        self.stdout.write(self.style.SUCCESS("Demo loaded: Cụm thi đua số IV, 2022–2026."))
        if not quiet_logins:
            self.stdout.write(demo.logins_text())
