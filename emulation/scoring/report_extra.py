"""The "ranking" extra of the cluster report (CONTRACT.md: registry.add_report_extra)."""

from __future__ import annotations

from cum4.models import ClusterYear
from emulation.scoring import selectors
from emulation.scoring.models import ScoringRound


def ranking_extra(*, cluster_year: ClusterYear, period: str | None = None) -> list[dict] | None:
    """`[{"unit", "rank", "total", "groups": {group code: subtotal}, "votes"}]` in rank order
    once the year is final; None before (the report then has no "ranking" key), so nothing
    of an open vote or an unfinished review ever leaves the app this way."""
    if selectors.scoring_round_of(cluster_year=cluster_year).phase != ScoringRound.Phase.FINAL:
        return None
    return selectors.closed_ranking(cluster_year=cluster_year).rows
