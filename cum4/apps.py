from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class Cum4Config(AppConfig):
    name = "cum4"
    verbose_name = _("Cluster core")

    def ready(self) -> None:
        from cum4 import (
            permissions,  # noqa: F401  (registers the rules)
            sessions,  # noqa: F401  (starts the session clock at login)
        )
        from cum4.exports.registration import register as register_exports
        from cum4.reports import permissions as report_permissions  # noqa: F401
        from cum4.reports import registrations  # noqa: F401  (nav, tasks, demo, json format)

        register_exports()
