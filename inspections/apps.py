from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = _("Inspections and anti-corruption")

    def ready(self) -> None:
        from cum4.registry import registry
        from inspections.indicators import ANTI_CORRUPTION, INSPECTIONS

        registry.add_report_section(INSPECTIONS)
        registry.add_report_section(ANTI_CORRUPTION)
