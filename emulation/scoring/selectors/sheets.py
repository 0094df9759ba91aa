"""Score sheets: a unit's criteria with its three layers, evidence, figures and totals;
the year's progress; proposals and complaints.

Indicator criteria are computed from the unit's APPROVED year figures while the year is open
and read from the snapshot taken at finalisation once it is final.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from cum4.collation import by_unit
from cum4.models import ClusterYear, Membership, Unit
from emulation.scoring import adapters
from emulation.scoring.models import (
    CriteriaGroup,
    Criterion,
    CrossReview,
    RankingProposal,
    ResultComplaint,
    Score,
    ScoringRound,
)
from emulation.scoring.selectors.totals import (
    LAYERS,
    TableTree,
    Totals,
    compute_totals,
    indicator_points,
    scoring_round_of,
    table_tree,
)


@dataclass
class Line:
    """One criterion of a unit's sheet with its three layers."""

    criterion: Criterion
    score: Score | None
    figure: int | Decimal | None = None  # the approved figure behind an indicator criterion
    computed: Decimal | None = None  # the indicator's points

    @property
    def self_score(self) -> Decimal | None:
        return self.score.self_score if self.score else None

    @property
    def review_score(self) -> Decimal | None:
        return self.score.review_score if self.score else None

    @property
    def counted(self) -> Decimal | None:
        return self.score.counted if self.score else None

    def layer(self, name: str) -> Decimal | None:
        if self.computed is not None:
            return self.computed
        if self.score is None:
            return None
        if name == "self":
            return self.score.self_score
        if name == "review":
            return self.score.review_score
        return self.score.counted


@dataclass
class Sheet:
    cluster_year: ClusterYear
    unit: Unit
    round: ScoringRound
    tree: TableTree
    lines: list[Line]
    reviewer: Unit | None  # the peer unit assigned, None when the lead reviews
    totals: dict[str, Totals]  # layer → totals
    evidence: dict[int, list] = field(default_factory=dict)  # criterion id → files
    reopened: ResultComplaint | None = None

    @cached_property
    def missing_evidence(self) -> set[int]:
        """Criteria that require evidence, self-scored above 0, without any file yet."""
        return {
            line.criterion.pk for line in self.lines
            if line.criterion.evidence_required and (line.self_score or 0) > 0
            and not self.evidence.get(line.criterion.pk)
        }

    @property
    def stamp(self) -> str:
        """When any score of the sheet last changed: a form posts it back so a save made
        over someone else's newer change is refused instead of overwriting it."""
        return sheet_stamp(self.lines)

    def lines_of(self, group: CriteriaGroup) -> list[Line]:
        return [line for line in self.lines if line.criterion.group_id == group.pk]

    @property
    def group_rows(self) -> list[tuple[CriteriaGroup, list[Line], dict[str, Decimal]]]:
        return [
            (group, self.lines_of(group),
             {layer: self.totals[layer].groups[group.pk] for layer in LAYERS})
            for group in self.tree.groups
        ]


def sheet_stamp(lines: list[Line]) -> str:
    stamps = [line.score.updated_at for line in lines if line.score is not None]
    return max(stamps).isoformat() if stamps else ""


def _lines(tree: TableTree, round_: ScoringRound, scores: dict[int, Score],
           figures: dict[str, int | Decimal | None]) -> list[Line]:
    lines = []
    for criterion in tree.criteria:
        score = scores.get(criterion.pk)
        line = Line(criterion=criterion, score=score)
        if criterion.is_computed:
            line.figure = figures.get(criterion.indicator_code)
            frozen = round_.phase == ScoringRound.Phase.FINAL and score is not None
            if frozen and score.agreed_score is not None:
                line.computed = score.agreed_score  # the snapshot taken at finalisation
            else:
                line.computed = indicator_points(criterion, line.figure)
        lines.append(line)
    return lines


def score_sheet(*, cluster_year: ClusterYear, unit: Unit) -> Sheet:
    """A unit's score sheet: every criterion with its scores, evidence, figure and totals."""
    tree = table_tree(cluster_year=cluster_year)
    round_ = scoring_round_of(cluster_year=cluster_year)
    scores = {
        s.criterion_id: s
        for s in Score.objects.filter(unit=unit, criterion__group__table=tree.table)
        .prefetch_related("evidence")
    } if tree.table else {}
    figures = {}
    if any(c.is_computed for c in tree.criteria):
        figures = adapters.approved_year_figures(units=[unit], year=cluster_year.year).get(
            unit.pk, {})
    lines = _lines(tree, round_, scores, figures)
    totals = {layer: compute_totals(tree, {ln.criterion.pk: ln.layer(layer) for ln in lines})
              for layer in LAYERS}
    review = (CrossReview.objects.filter(cluster_year=cluster_year, unit=unit)
              .select_related("reviewer").first())
    return Sheet(
        cluster_year=cluster_year,
        unit=unit,
        round=round_,
        tree=tree,
        lines=lines,
        reviewer=review.reviewer if review else None,
        totals=totals,
        evidence={cid: list(s.evidence.all()) for cid, s in scores.items()},
        reopened=open_reopening(cluster_year=cluster_year, unit=unit),
    )


def reviewer_of(*, cluster_year: ClusterYear, unit: Unit) -> Unit | None:
    """The peer unit assigned to review `unit` (None: the lead reviews)."""
    review = (CrossReview.objects.filter(cluster_year=cluster_year, unit=unit)
              .select_related("reviewer").first())
    return review.reviewer if review else None


def open_reopening(*, cluster_year: ClusterYear, unit: Unit) -> ResultComplaint | None:
    """The accepted complaint that reopened this unit's review, while it is open."""
    return ResultComplaint.objects.filter(
        cluster_year=cluster_year, unit=unit, reopened=True, reopen_closed_at__isnull=True
    ).first()


@dataclass
class UnitProgress:
    unit: Unit
    role: str
    filled: int
    reviewed: int
    reviewer: Unit | None


def scoring_overview(*, cluster_year: ClusterYear) -> list[UnitProgress]:
    """Each member with how many criteria it self-scored and how many were reviewed."""
    memberships = by_unit(Membership.objects.filter(cluster_year=cluster_year)
                          .select_related("unit"), lambda membership: membership.unit)
    filled: Counter = Counter()
    reviewed: Counter = Counter()
    for unit_id, self_score, review_score in Score.objects.filter(
        criterion__group__table__cluster_year=cluster_year
    ).values_list("unit_id", "self_score", "review_score"):
        filled[unit_id] += self_score is not None
        reviewed[unit_id] += review_score is not None
    reviewers = {r.unit_id: r.reviewer for r in CrossReview.objects.filter(
        cluster_year=cluster_year).select_related("reviewer")}
    return [UnitProgress(unit=m.unit, role=m.role, filled=filled[m.unit_id],
                         reviewed=reviewed[m.unit_id], reviewer=reviewers.get(m.unit_id))
            for m in memberships]


def proposals_of(*, cluster_year: ClusterYear) -> list[RankingProposal]:
    """The proposals the finalisation created, Cờ first, then by rank; none (and no query)
    before the year is final, as only the finalisation creates them."""
    if scoring_round_of(cluster_year=cluster_year).phase != ScoringRound.Phase.FINAL:
        return []
    return list(RankingProposal.objects.filter(cluster_year=cluster_year)
                .select_related("unit").order_by("-award_code", "rank", "unit__name"))


def complaints_of(*, cluster_year: ClusterYear, unit: Unit | None = None) -> list[ResultComplaint]:
    """Complaints about the year's results, newest first (one unit's when given)."""
    qs = ResultComplaint.objects.filter(cluster_year=cluster_year).select_related(
        "unit", "criterion", "lodged_by", "answered_by")
    if unit is not None:
        qs = qs.filter(unit=unit)
    return list(qs.order_by("-lodged_at"))
