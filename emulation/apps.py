from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Emulation and commendation")

    def ready(self) -> None:
        from emulation import permissions  # noqa: F401  (registers the permissions)
        from emulation.registry_staff import register as register_staff

        register_staff()
