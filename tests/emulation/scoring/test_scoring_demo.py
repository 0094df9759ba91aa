"""The demo: 2022 scored, voted and final, its leading unit consistent with the scores and
the vote; 2025 in the middle of the review."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from cum4.models import ClusterYear
from emulation.scoring import selectors
from emulation.scoring.models import NominationBallot, RankingProposal, Score, ScoringRound

pytestmark = pytest.mark.django_db


def test_it_loads_a_final_2022_and_a_2025_in_review():
    call_command("load_demo", quiet_logins=True)
    counts = (Score.objects.count(), NominationBallot.objects.count(),
              RankingProposal.objects.count())
    call_command("load_demo", quiet_logins=True)
    assert (Score.objects.count(), NominationBallot.objects.count(),
            RankingProposal.objects.count()) == counts

    y2022 = ClusterYear.objects.get(year=2022)
    ranking = selectors.ranking(cluster_year=y2022)
    assert ranking.round.phase == ScoringRound.Phase.FINAL
    assert ranking.winner == ranking.rows[0].unit
    assert ranking.rows[0].rank == 1 and ranking.rows[0].total > ranking.rows[1].total
    flag = RankingProposal.objects.get(cluster_year=y2022, award_code="co_ttcp")
    assert flag.unit == ranking.winner
    assert NominationBallot.objects.filter(cluster_year=y2022).count() == 7
    assert ranking.tree.table.is_sample

    y2025 = ClusterYear.objects.get(year=2025)
    assert selectors.scoring_round_of(cluster_year=y2025).phase == ScoringRound.Phase.REVIEW
    progress = {p.unit.code: p for p in selectors.scoring_overview(cluster_year=y2025)}
    assert "tuyenquang" in progress and progress["tuyenquang"].reviewer.code == "caobang"
    assert all(p.filled > 0 for p in progress.values())
    assert any(p.reviewed == 0 for p in progress.values())
