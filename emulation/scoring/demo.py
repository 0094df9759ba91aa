"""Demo scoring (load_demo, order 300): 2022 scored, voted and final; 2025 in review.

Idempotent: a year already final is left alone; scores are upserted. The 2022 vote is
consistent with the scores: every member votes for the unit ranked first (which votes for
the second), so the Cờ proposal goes to the top of the ranking.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cum4.demo import CLUSTER_CODE
from cum4.models import ClusterYear, Membership
from emulation.scoring import selectors
from emulation.scoring.models import (
    CriteriaTable,
    CrossReview,
    NominationBallot,
    Score,
    ScoringRound,
)
from emulation.scoring.services.criteria import (
    criteria_table_copy_previous,
    criteria_table_create_sample,
)
from emulation.scoring.services.vote import scoring_finalise

# How strong each unit's 2022 year was, as a share of each criterion's maximum (demo data).
STRENGTH_2022 = {
    "langson": Decimal("0.96"),
    "laichau": Decimal("0.92"),
    "sonla": Decimal("0.90"),
    "laocai": Decimal("0.88"),
    "dienbien": Decimal("0.88"),
    "caobang": Decimal("0.85"),
    "hagiang": Decimal("0.83"),
}
STRENGTH_2025 = {
    "dienbien": Decimal("0.93"),
    "caobang": Decimal("0.91"),
    "laocai": Decimal("0.92"),
    "langson": Decimal("0.90"),
    "laichau": Decimal("0.89"),
    "sonla": Decimal("0.90"),
    "tuyenquang": Decimal("0.87"),
}
FINALISED_2022 = dt.datetime(2022, 12, 9, 10, 0, tzinfo=dt.UTC)


def _cluster_year(year: int) -> ClusterYear:
    return ClusterYear.objects.get(cluster__code=CLUSTER_CODE, year=year)


def _points(criterion, strength: Decimal, bonus_units: bool) -> Decimal | None:
    method = criterion.method
    if method == "indicator":
        return None
    if method == "yes_no":
        return criterion.max_points
    if method == "bonus":
        return criterion.max_points if bonus_units else Decimal("0")
    if method == "deduction":
        return Decimal("0") if strength >= Decimal("0.85") else Decimal("1")
    return (criterion.max_points * strength).quantize(Decimal("0.5"))


def _score(cluster_year: ClusterYear, strengths: dict, reviewed: set[str]) -> None:
    tree = selectors.table_tree(cluster_year=cluster_year)
    for membership in Membership.objects.filter(cluster_year=cluster_year).select_related("unit"):
        strength = strengths.get(membership.unit.code, Decimal("0.85"))
        for criterion in tree.criteria:
            points = _points(criterion, strength, strength >= Decimal("0.9"))
            if points is None:
                continue
            review = None
            if membership.unit.code in reviewed:
                # the reviewers shave half a point off the manual criteria above 5 points
                review = points
                if criterion.method == "manual" and criterion.max_points > 5 and points > 0:
                    review = points - Decimal("0.5")
            Score.objects.update_or_create(
                unit=membership.unit, criterion=criterion,
                defaults={"self_score": points, "self_note": "Số liệu minh họa (demo).",
                          "review_score": review},
            )


def load() -> None:
    year_2022 = _cluster_year(2022)
    if not CriteriaTable.objects.filter(cluster_year=year_2022).exists():
        criteria_table_create_sample(cluster_year=year_2022)
    round_2022, _ = ScoringRound.objects.get_or_create(cluster_year=year_2022)
    if round_2022.phase != ScoringRound.Phase.FINAL:
        _score(year_2022, STRENGTH_2022, reviewed=set(STRENGTH_2022))
        round_2022.phase = ScoringRound.Phase.VOTE
        round_2022.save()
        year_2022._scoring_round = round_2022
        _vote_for_the_first(year_2022)
        first_three = [row.unit for row in selectors.ranking(cluster_year=year_2022).rows[:3]]
        scoring_finalise(cluster_year=year_2022, merit_units=first_three, by=None,
                         at=FINALISED_2022)

    year_2025 = _cluster_year(2025)
    if not CriteriaTable.objects.filter(cluster_year=year_2025).exists():
        criteria_table_copy_previous(cluster_year=year_2025)
    round_2025, _ = ScoringRound.objects.get_or_create(cluster_year=year_2025)
    if round_2025.phase in (ScoringRound.Phase.SELF, ScoringRound.Phase.REVIEW):
        # Mid-review: every unit self-scored; the lead has reviewed three units so far, and
        # Cao Bằng (deputy) cross-reviews Tuyên Quang.
        _score(year_2025, STRENGTH_2025, reviewed={"dienbien", "laocai", "sonla"})
        tuyenquang = Membership.objects.get(cluster_year=year_2025, unit__code="tuyenquang").unit
        caobang = Membership.objects.get(cluster_year=year_2025, unit__code="caobang").unit
        CrossReview.objects.update_or_create(cluster_year=year_2025, unit=tuyenquang,
                                             defaults={"reviewer": caobang})
        round_2025.phase = ScoringRound.Phase.REVIEW
        round_2025.save()


def _vote_for_the_first(cluster_year: ClusterYear) -> None:
    from cum4.models import User

    rows = selectors.ranking(cluster_year=cluster_year, with_previous=False).rows
    first, second = rows[0].unit, rows[1].unit
    for row in rows:
        leader = User.objects.filter(unit=row.unit, role=User.Role.LEADER).first()
        nominee = second if row.unit.pk == first.pk else first
        NominationBallot.objects.update_or_create(
            cluster_year=cluster_year, voter=row.unit,
            defaults={"nominee": nominee, "cast_by": leader},
        )
