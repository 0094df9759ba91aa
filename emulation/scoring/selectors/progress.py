"""Who has done each scoring phase's step, for several cluster years at once (the reminders of
the phases' deadlines read it for every cluster of a year).

A unit has self-scored when every regular criterion it types (manual, yes/no) carries its
self score; a sheet is reviewed when every such criterion carries a review score; a unit has
voted when its ballot is cast. Bonus and deduction lines may rightly stay empty, and
indicator lines are computed: neither is waited for.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from cum4.models import ClusterYear, Membership, Unit
from emulation.scoring.models import (
    CriteriaTable,
    Criterion,
    CrossReview,
    NominationBallot,
    Score,
    ScoringRound,
)

TYPED = (Criterion.Method.MANUAL, Criterion.Method.YES_NO)
PHASE_ORDER = [ScoringRound.Phase.SELF, ScoringRound.Phase.REVIEW, ScoringRound.Phase.VOTE,
               ScoringRound.Phase.FINAL]


@dataclass
class PhaseProgress:
    """One cluster year's scoring: its phase, its members, and who has not done what."""

    cluster_year: ClusterYear
    phase: str
    members: list[Unit] = field(default_factory=list)
    not_self_scored: list[Unit] = field(default_factory=list)
    # (reviewed unit, reviewing peer unit or None when the lead reviews it)
    not_reviewed: list[tuple[Unit, Unit | None]] = field(default_factory=list)
    not_voted: list[Unit] = field(default_factory=list)

    def is_past(self, phase: str) -> bool:
        """Whether the lead has moved the scoring beyond `phase` (closed it)."""
        return PHASE_ORDER.index(self.phase) > PHASE_ORDER.index(phase)


def phase_progress(*, year: int) -> list[PhaseProgress]:
    """Each cluster year of `year` that has a criteria table, with its phase and who has not
    self-scored, not been reviewed, not voted; members in unit-name order. Seven queries
    whatever the number of clusters and units."""
    cluster_years = list(
        ClusterYear.objects.filter(
            year=year, pk__in=CriteriaTable.objects.filter(cluster_year__year=year)
            .values("cluster_year_id"))
        .select_related("cluster", "scoring_round").order_by("cluster__code")
    )
    ids = [cy.pk for cy in cluster_years]
    if not ids:
        return []
    typed = dict(
        Criterion.objects.filter(group__table__cluster_year_id__in=ids, method__in=TYPED)
        .values("group__table__cluster_year_id").annotate(n=Count("id"))
        .values_list("group__table__cluster_year_id", "n")
    )
    filled: Counter = Counter()
    reviewed: Counter = Counter()
    for cy_id, unit_id, self_score, review_score in Score.objects.filter(
        criterion__group__table__cluster_year_id__in=ids, criterion__method__in=TYPED
    ).values_list("criterion__group__table__cluster_year_id", "unit_id", "self_score",
                  "review_score"):
        filled[cy_id, unit_id] += self_score is not None
        reviewed[cy_id, unit_id] += review_score is not None
    members: dict[int, list[Unit]] = {}
    for membership in Membership.objects.filter(cluster_year_id__in=ids).select_related(
            "unit").order_by("unit__name", "unit_id"):
        members.setdefault(membership.cluster_year_id, []).append(membership.unit)
    reviewers = {(r.cluster_year_id, r.unit_id): r.reviewer for r in
                 CrossReview.objects.filter(cluster_year_id__in=ids).select_related("reviewer")}
    voted = set(NominationBallot.objects.filter(cluster_year_id__in=ids)
                .values_list("cluster_year_id", "voter_id"))
    result = []
    for cy in cluster_years:
        try:
            phase = cy.scoring_round.phase
        except ScoringRound.DoesNotExist:
            phase = ScoringRound.Phase.SELF  # the round starts in self-scoring
        units = members.get(cy.pk, [])
        need = typed.get(cy.pk, 0)
        result.append(PhaseProgress(
            cluster_year=cy, phase=phase, members=units,
            not_self_scored=[u for u in units if filled[cy.pk, u.pk] < need],
            not_reviewed=[(u, reviewers.get((cy.pk, u.pk))) for u in units
                          if reviewed[cy.pk, u.pk] < need],
            not_voted=[u for u in units if (cy.pk, u.pk) not in voted],
        ))
    return result
