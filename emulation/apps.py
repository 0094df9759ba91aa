from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Emulation and commendation")

    def ready(self) -> None:
        from emulation import permissions  # noqa: F401  (registers the permissions)
        from emulation.registry_staff import register as register_staff

        register_staff()

        from cum4.registry import DemoLoader, NavItem, registry

        # Movements, pledges and statistics (pledges branch).
        from emulation import demo_pledges, permissions_pledges  # noqa: F401

        registry.add_nav(NavItem(_("Movements"), "emulation:movements_current", order=40))
        registry.add_nav(NavItem(_("Pledge"), "emulation:pledge_current", order=41))
        registry.add_nav(NavItem(_("Statistics"), "emulation:statistics_current", order=48))
        registry.add_demo_loader(DemoLoader("movements and the 2022 pledge", demo_pledges.load, 250))
        from emulation.selectors.movements import unit_movement_tasks

        registry.add_unit_tasks(unit_movement_tasks)

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
