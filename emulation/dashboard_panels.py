"""Emulation's panels on the cluster dashboard (registered in cum4's registry, so cum4 never
imports emulation): the pledge's progress by unit."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cum4.registry import DashboardPanel


def pledge_panel(*, cluster_year, period: str, user) -> DashboardPanel | None:
    """Targets met / not met / not yet known per member unit; None when the year has no
    pledge. Constant queries (see `pledge_matrix`)."""
    from emulation.selectors.pledges import pledge_matrix

    matrix = pledge_matrix(cluster_year=cluster_year)
    if matrix.pledge is None:
        return None
    return DashboardPanel(
        title=_("Pledge progress"),
        template_name="emulation/dashboard_pledge.html",
        context={"matrix": matrix, "cluster_year": cluster_year},
        order=10,
    )
