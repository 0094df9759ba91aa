"""What the dossier adds to the shell: the menu entry, the cluster link, the demo step and the
reminders of the units' dossiers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cum4.registry import ClusterLink, DemoLoader, NavItem, registry
from emulation.dossier import demo
from emulation.dossier.reminders import cluster_dossier_deadlines, unit_dossier_deadlines


def _can_view(user, cluster_year) -> bool:
    return user.has_perm("emulation.view_dossier", cluster_year)


def register() -> None:
    registry.add_nav(NavItem(_("Award dossier"), "emulation:dossier_current", order=49,
                             group="emulation"))
    registry.add_demo_loader(DemoLoader("dossier", demo.load, order=400))
    registry.add_cluster_link(
        ClusterLink(_("Award dossier"), "emulation:dossier_home", order=63, visible=_can_view)
    )
    registry.add_deadline_provider(unit_dossier_deadlines)
    registry.add_deadline_provider(cluster_dossier_deadlines)
