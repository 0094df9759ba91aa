from __future__ import annotations

from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The rooms of the app, from the bottom up: each reads only those before it.
FEATURES = ("staff", "movements", "awards", "scoring", "dossier")


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Emulation and commendation")

    def ready(self) -> None:
        """Each feature registers its permissions (`rules`), its admin and what it adds to
        the shell (`registry.register()`: navigation, tasks, report extras, demo steps)."""
        for feature in FEATURES:
            import_module(f"emulation.{feature}.permissions")
            import_module(f"emulation.{feature}.admin")
            import_module(f"emulation.{feature}.registry").register()
