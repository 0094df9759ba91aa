from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Emulation and commendation")

    def ready(self) -> None:
        self._ready_scoring()

    def _ready_scoring(self) -> None:
        from cum4.registry import DemoLoader, NavItem, registry
        from emulation import permissions_scoring  # noqa: F401  (registers the rules)
        from emulation.scoring import demo, tasks
        from emulation.scoring.report_extra import ranking_extra

        registry.add_nav(NavItem(_("Scoring and ranking"), "emulation:scoring_home", order=300))
        registry.add_demo_loader(DemoLoader("scoring", demo.load, order=300))
        registry.add_unit_tasks(tasks.scoring_tasks)
        registry.add_report_extra("ranking", ranking_extra)
