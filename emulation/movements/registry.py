"""What movements and the pledge add to the shell: navigation, cluster links, unit tasks,
the report extras, the dashboard panel, the demo step."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cum4.registry import ClusterLink, DemoLoader, NavItem, registry
from emulation.movements import demo
from emulation.movements.selectors.movements import movements_report_extra, unit_movement_tasks
from emulation.movements.selectors.pledges import pledge_dashboard_panel, pledge_report_extra


def register() -> None:
    for label, url_name, order in (
        (_("Movements"), "emulation:movements_current", 43),
        (_("Pledge"), "emulation:pledge_current", 44),
    ):
        registry.add_nav(NavItem(label, url_name, order=order, group="emulation"))
    for label, url_name, perm, order in (
        (_("Emulation movements"), "emulation:movement_list", "emulation.view_movements", 43),
        (_("Emulation pledge"), "emulation:pledge_detail", "emulation.view_pledge", 44),
    ):
        registry.add_cluster_link(
            ClusterLink(
                label,
                url_name,
                order=order,
                visible=lambda user, cluster_year, perm=perm: user.has_perm(perm, cluster_year),
            )
        )
    registry.add_demo_loader(DemoLoader("movements and the 2022 pledge", demo.load, 250))
    registry.add_unit_tasks(unit_movement_tasks)
    registry.add_report_extra("pledge", pledge_report_extra)
    registry.add_report_extra("movements", movements_report_extra)
    registry.add_dashboard_panel(pledge_dashboard_panel)
