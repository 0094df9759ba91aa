from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    name = "emulation"
    verbose_name = _("Emulation and commendation")

    def ready(self) -> None:
        from emulation import permissions  # noqa: F401  (registers the permissions)
        from emulation.registry_staff import register as register_staff

        register_staff()

        from cum4.registry import ClusterLink, DemoLoader, NavItem, registry

        # Movements, pledges and statistics (pledges branch).
        from emulation import demo_pledges, permissions_pledges  # noqa: F401

        for label, url_name, order in (
            (_("Movements"), "emulation:movements_current", 43),
            (_("Pledge"), "emulation:pledge_current", 44),
            (_("Statistics"), "emulation:statistics_current", 48),
        ):
            registry.add_nav(NavItem(label, url_name, order=order, group="emulation"))
        for label, url_name, perm, order in (
            (_("Emulation movements"), "emulation:movement_list", "emulation.view_movements", 43),
            (_("Emulation pledge"), "emulation:pledge_detail", "emulation.view_pledge", 44),
            (_("Yearly statistics"), "emulation:statistics", "emulation.view_movements", 48),
        ):
            registry.add_cluster_link(
                ClusterLink(
                    label,
                    url_name,
                    order=order,
                    visible=lambda user, cluster_year, perm=perm: user.has_perm(perm, cluster_year),
                )
            )
        registry.add_demo_loader(DemoLoader("movements and the 2022 pledge", demo_pledges.load, 250))
        from emulation.selectors.movements import movements_report_extra, unit_movement_tasks
        from emulation.selectors.pledges import pledge_dashboard_panel, pledge_report_extra
        from emulation.statistics.selectors import statistics_tasks

        registry.add_unit_tasks(unit_movement_tasks)
        registry.add_unit_tasks(statistics_tasks)
        registry.add_report_extra("pledge", pledge_report_extra)
        registry.add_report_extra("movements", movements_report_extra)
        registry.add_dashboard_panel(pledge_dashboard_panel)

        self._ready_scoring()

    def _ready_scoring(self) -> None:
        from cum4.registry import ClusterLink, ClusterYearRead, DemoLoader, NavItem, registry
        from emulation import permissions_scoring  # noqa: F401  (registers the rules)
        from emulation.scoring import demo, selectors, tasks
        from emulation.scoring.report_extra import ranking_extra

        registry.add_nav(NavItem(_("Scoring and ranking"), "emulation:scoring_home", order=300))
        registry.add_demo_loader(DemoLoader("scoring", demo.load, order=300))

        def can_view(user, cluster_year) -> bool:
            return user.has_perm("emulation.view_scoring", cluster_year)

        registry.add_cluster_link(
            ClusterLink(_("Scoring"), "emulation:scoring_year", order=60, visible=can_view)
        )
        registry.add_cluster_link(
            ClusterLink(_("Nomination vote"), "emulation:vote", order=61, visible=can_view)
        )
        registry.add_cluster_link(
            ClusterLink(_("Ranking"), "emulation:ranking", order=62, visible=can_view)
        )
        registry.add_unit_tasks(tasks.scoring_tasks)
        registry.add_report_extra("ranking", ranking_extra)
        # Every scoring page, its checks and the dashboard's ranking read the year's round.
        registry.add_cluster_year_read(ClusterYearRead(
            "scoring_round", extend=lambda queryset: queryset.select_related("scoring_round"),
            prime=selectors.prime_scoring_round))
