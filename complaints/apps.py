from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Citizen reception, petitions and complaints")

    def ready(self) -> None:
        from complaints.indicators import PETITIONS, RECEPTION, RESOLUTION
        from cum4.registry import registry

        registry.add_report_section(RECEPTION)
        registry.add_report_section(PETITIONS)
        registry.add_report_section(RESOLUTION)
