"""Reads of scoring: score sheets with running totals, the ranking, the vote.

Points are Decimals with 2 places. A unit's total = regular criteria + bonus (capped by the
table's bonus cap) − deductions, never below 0. Indicator criteria are computed from the
unit's APPROVED year figures while the year is open, and read from the snapshot taken at
finalisation once it is final.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from cum4.models import ClusterYear, Membership, Unit
from emulation.models import (
    CriteriaGroup,
    CriteriaTable,
    Criterion,
    CrossReview,
    NominationBallot,
    NominationVoteRule,
    RankingProposal,
    ResultComplaint,
    Score,
    ScoringRound,
)
from emulation.scoring import adapters

ZERO = Decimal("0")
CENT = Decimal("0.01")
LAYERS = ("self", "review", "counted")


def round_points(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def indicator_points(criterion: Criterion, value: int | Decimal | None) -> Decimal:
    """Full points at or above the target, proportional below, 0 without an approved figure."""
    if value is None or not criterion.target:
        return ZERO
    value = Decimal(value)
    if value >= criterion.target:
        return criterion.max_points
    return round_points(max(ZERO, criterion.max_points * value / criterion.target))


def parse_points(raw: str | None) -> Decimal | None:
    """Points typed in a form ("7,5" or "7.5"); None when empty or not a number."""
    if raw in (None, ""):
        return None
    try:
        return Decimal(str(raw).replace(",", ".").strip())
    except ArithmeticError:
        return None


# ---------------------------------------------------------------- the round and the table


def scoring_round_of(*, cluster_year: ClusterYear) -> ScoringRound:
    """The year's round (an unsaved one in self-scoring when the lead has not opened it)."""
    cached = getattr(cluster_year, "_scoring_round", None)
    if cached is None:
        cached = ScoringRound.objects.filter(cluster_year=cluster_year).first()
        cached = cached or ScoringRound(cluster_year=cluster_year)
        cluster_year._scoring_round = cached
    return cached


@dataclass
class TableTree:
    table: CriteriaTable | None
    groups: list[CriteriaGroup] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    tie_break_groups: list[CriteriaGroup] = field(default_factory=list)

    def criteria_of(self, group: CriteriaGroup) -> list[Criterion]:
        return [c for c in self.criteria if c.group_id == group.pk]

    @property
    def regular_max(self) -> Decimal:
        regular = (Criterion.Method.BONUS, Criterion.Method.DEDUCTION)
        return sum((c.max_points for c in self.criteria if c.method not in regular), ZERO)


def table_tree(*, cluster_year: ClusterYear) -> TableTree:
    """The criteria table of the year as groups → criteria in order, plus its tie-breaks.

    Four queries whatever the size of the table.
    """
    table = CriteriaTable.objects.filter(cluster_year=cluster_year).first()
    if table is None:
        return TableTree(table=None)
    groups = list(table.groups.order_by("position", "id"))
    by_id = {g.pk: g for g in groups}
    criteria = list(
        Criterion.objects.filter(group__table=table).order_by("group__position", "position", "id")
    )
    for criterion in criteria:
        criterion.group = by_id[criterion.group_id]  # no query per criterion
    tie_breaks = [by_id[gid] for gid in table.tie_breaks.order_by("position")
                  .values_list("group_id", flat=True) if gid in by_id]
    return TableTree(table=table, groups=groups, criteria=criteria, tie_break_groups=tie_breaks)


# ---------------------------------------------------------------- totals


@dataclass
class Totals:
    groups: dict[int, Decimal]  # group id → subtotal (bonus capped, deductions negative)
    bonus: Decimal
    deductions: Decimal
    total: Decimal


def compute_totals(tree: TableTree, values: dict[int, Decimal | None]) -> Totals:
    """Totals of one layer of one unit; `values` maps criterion id → points (None = none).

    Bonus points are capped across the table in group order; deductions are subtracted;
    the total never goes below 0.
    """
    cap_left = tree.table.bonus_cap if tree.table else ZERO
    groups: dict[int, Decimal] = {}
    bonus_total = deduction_total = ZERO
    for group in tree.groups:
        regular = bonus = deduction = ZERO
        for criterion in tree.criteria_of(group):
            points = values.get(criterion.pk) or ZERO
            if criterion.method == Criterion.Method.BONUS:
                bonus += points
            elif criterion.method == Criterion.Method.DEDUCTION:
                deduction += points
            else:
                regular += points
        bonus = min(bonus, cap_left)
        cap_left -= bonus
        bonus_total += bonus
        deduction_total += deduction
        groups[group.pk] = regular + bonus - deduction
    total = max(ZERO, sum(groups.values(), ZERO))
    return Totals(groups=groups, bonus=bonus_total, deductions=deduction_total, total=total)


# ---------------------------------------------------------------- score sheets


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

    def lines_of(self, group: CriteriaGroup) -> list[Line]:
        return [line for line in self.lines if line.criterion.group_id == group.pk]

    @property
    def group_rows(self) -> list[tuple[CriteriaGroup, list[Line], dict[str, Decimal]]]:
        return [
            (group, self.lines_of(group),
             {layer: self.totals[layer].groups[group.pk] for layer in LAYERS})
            for group in self.tree.groups
        ]


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


# ---------------------------------------------------------------- ranking


@dataclass
class RankRow:
    unit: Unit
    total: Decimal
    groups: dict[str, Decimal]  # group code → subtotal
    rank: int = 0
    previous_rank: int | None = None
    votes: int | None = None  # only once the vote is closed

    @property
    def change(self) -> int | None:
        """Places gained against last year (positive = up)."""
        if self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


@dataclass
class VoteResult:
    rule: NominationVoteRule | None
    members: list[Unit]
    voted_unit_ids: set[int]
    closed: bool
    counts: dict[int, int]  # nominee id → ballots; empty while the vote is open
    threshold_percent: Decimal
    needed: int

    @property
    def winner(self) -> Unit | None:
        if not self.closed:
            return None
        for unit in self.members:
            if self.counts.get(unit.pk, 0) >= self.needed:
                return unit
        return None

    @property
    def tally(self) -> list[tuple[Unit, int]]:
        """(nominee, ballots) most ballots first; only once the vote is closed."""
        if not self.closed:
            return []
        rows = [(u, self.counts.get(u.pk, 0)) for u in self.members]
        return sorted(rows, key=lambda row: (-row[1], row[0].name))


@dataclass
class Ranking:
    cluster_year: ClusterYear
    round: ScoringRound
    tree: TableTree
    rows: list[RankRow]
    vote: VoteResult
    previous_year: int | None = None

    @property
    def groups(self) -> list[CriteriaGroup]:
        return self.tree.groups

    @property
    def winner(self) -> Unit | None:
        return self.vote.winner

    def as_json(self) -> list[dict]:
        """The "ranking" of the cluster report: rank order, numbers as floats."""
        return [
            {
                "unit": row.unit.code,
                "name": row.unit.name,
                "rank": row.rank,
                "total": float(row.total),
                "groups": {code: float(value) for code, value in row.groups.items()},
                "votes": row.votes,
            }
            for row in self.rows
        ]


def vote_rule_for(*, cluster_year: ClusterYear) -> NominationVoteRule | None:
    """The vote rule in force on 1 December of the year (the year-end review)."""
    day = dt.date(cluster_year.year, 12, 1)
    return NominationVoteRule.objects.in_force_on(day).order_by("-valid_from").first()


def vote_result(*, cluster_year: ClusterYear, members: list[Unit] | None = None) -> VoteResult:
    """Who has voted, and — only once the vote is closed (final) — the count per nominee.

    Secrecy: while the vote is open nothing here says for whom anyone voted.
    """
    round_ = scoring_round_of(cluster_year=cluster_year)
    if members is None:
        members = [m.unit for m in Membership.objects.filter(cluster_year=cluster_year)
                   .select_related("unit").order_by("unit__name")]
    rule = vote_rule_for(cluster_year=cluster_year)
    threshold = rule.threshold_percent if rule else Decimal("80")
    ballots = NominationBallot.objects.filter(cluster_year=cluster_year)
    closed = round_.vote_closed
    if closed:
        pairs = list(ballots.values_list("voter_id", "nominee_id"))
        voted = {voter for voter, _ in pairs}
        counts = dict(Counter(nominee for _, nominee in pairs))
    else:
        voted, counts = set(ballots.values_list("voter_id", flat=True)), {}
    needed = math.ceil(threshold * len(members) / Decimal(100)) if members else 1
    return VoteResult(rule=rule, members=members, voted_unit_ids=voted, closed=closed,
                      counts=counts, threshold_percent=threshold, needed=max(needed, 1))


def _final_successors() -> dict[int, int]:
    """Unit id → id of the unit carrying its line today (one query)."""
    successor = dict(Unit.objects.values_list("id", "successor_id"))
    result = {}
    for unit_id in successor:
        current, seen = unit_id, {unit_id}
        while successor.get(current) and successor[current] not in seen:
            current = successor[current]
            seen.add(current)
        result[unit_id] = current
    return result


def ranking(*, cluster_year: ClusterYear, with_previous: bool = True) -> Ranking:
    """The ranking of a cluster year: totals of agreed scores, descending.

    Equal totals share a rank unless the table's tie-break rules (higher subtotal of a group,
    in order) separate them. Each row carries its group subtotals, last year's rank of the
    unit's line (across mergers, by final successor) when last year is final, and the ballots
    it received once the vote is closed. A constant number of queries whatever the number of
    units and criteria.
    """
    round_ = scoring_round_of(cluster_year=cluster_year)
    tree = table_tree(cluster_year=cluster_year)
    members = [m.unit for m in Membership.objects.filter(cluster_year=cluster_year)
               .select_related("unit").order_by("unit__name")]
    scores: dict[tuple[int, int], Score] = {}
    if tree.table:
        for score in Score.objects.filter(criterion__group__table=tree.table,
                                          unit__in=members):
            scores[(score.unit_id, score.criterion_id)] = score
    figures: dict[int, dict] = {}
    if any(c.is_computed for c in tree.criteria):
        figures = adapters.approved_year_figures(units=members, year=cluster_year.year)
    vote = vote_result(cluster_year=cluster_year, members=members)

    rows = []
    for unit in members:
        unit_scores = {cid: s for (uid, cid), s in scores.items() if uid == unit.pk}
        lines = _lines(tree, round_, unit_scores, figures.get(unit.pk, {}))
        totals = compute_totals(tree, {ln.criterion.pk: ln.layer("counted") for ln in lines})
        rows.append(RankRow(
            unit=unit,
            total=totals.total,
            groups={g.code: totals.groups[g.pk] for g in tree.groups},
            votes=vote.counts.get(unit.pk, 0) if vote.closed else None,
        ))

    def key(row: RankRow) -> tuple:
        return (row.total, *(row.groups[g.code] for g in tree.tie_break_groups))

    rows.sort(key=lambda row: (tuple(-v for v in key(row)), row.unit.name))
    for index, row in enumerate(rows):
        same = index and key(rows[index - 1]) == key(row)
        row.rank = rows[index - 1].rank if same else index + 1

    previous_year = None
    if with_previous:
        previous = ClusterYear.objects.filter(
            cluster_id=cluster_year.cluster_id, year=cluster_year.year - 1).first()
        if previous and scoring_round_of(cluster_year=previous).vote_closed:
            previous_year = previous.year
            line_of = _final_successors()
            before = {line_of[r.unit.pk]: r.rank
                      for r in ranking(cluster_year=previous, with_previous=False).rows}
            for row in rows:
                row.previous_rank = before.get(line_of.get(row.unit.pk, row.unit.pk))
    return Ranking(cluster_year=cluster_year, round=round_, tree=tree, rows=rows, vote=vote,
                   previous_year=previous_year)


# ---------------------------------------------------------------- overview, proposals


@dataclass
class UnitProgress:
    unit: Unit
    role: str
    filled: int
    reviewed: int
    reviewer: Unit | None


def scoring_overview(*, cluster_year: ClusterYear) -> list[UnitProgress]:
    """Each member with how many criteria it self-scored and how many were reviewed."""
    memberships = list(Membership.objects.filter(cluster_year=cluster_year)
                       .select_related("unit").order_by("unit__name"))
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
    """The proposals the finalisation created, Cờ first, then by rank."""
    return list(RankingProposal.objects.filter(cluster_year=cluster_year)
                .select_related("unit").order_by("-award_code", "rank", "unit__name"))


def complaints_of(*, cluster_year: ClusterYear, unit: Unit | None = None) -> list[ResultComplaint]:
    """Complaints about the year's results, newest first (one unit's when given)."""
    qs = ResultComplaint.objects.filter(cluster_year=cluster_year).select_related(
        "unit", "criterion", "lodged_by", "answered_by")
    if unit is not None:
        qs = qs.filter(unit=unit)
    return list(qs.order_by("-lodged_at"))
