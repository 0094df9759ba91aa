"""What scoring adds to the shell: navigation, cluster links, unit tasks, the ranking report
extra, the demo step, and the year's round read with every cluster year."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cum4.registry import ClusterLink, ClusterYearRead, DemoLoader, NavItem, registry
from emulation.scoring import demo, selectors, tasks
from emulation.scoring.reminders import scoring_deadlines
from emulation.scoring.report_extra import ranking_extra


def _can_view(user, cluster_year) -> bool:
    return user.has_perm("emulation.view_scoring", cluster_year)


def register() -> None:
    registry.add_nav(NavItem(_("Scoring and ranking"), "emulation:scoring_home", order=300))
    registry.add_demo_loader(DemoLoader("scoring", demo.load, order=300))
    registry.add_cluster_link(
        ClusterLink(_("Scoring"), "emulation:scoring_year", order=60, visible=_can_view)
    )
    registry.add_cluster_link(
        ClusterLink(_("Nomination vote"), "emulation:vote", order=61, visible=_can_view)
    )
    registry.add_cluster_link(
        ClusterLink(_("Ranking"), "emulation:ranking", order=62, visible=_can_view)
    )
    registry.add_unit_tasks(tasks.scoring_tasks)
    registry.add_deadline_provider(scoring_deadlines)
    registry.add_report_extra("ranking", ranking_extra)
    # Every scoring page, its checks and the dashboard's ranking read the year's round.
    registry.add_cluster_year_read(ClusterYearRead(
        "scoring_round", extend=lambda queryset: queryset.select_related("scoring_round"),
        prime=selectors.prime_scoring_round))
