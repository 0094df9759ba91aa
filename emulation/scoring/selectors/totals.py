"""Points and totals: the year's table as a tree, the phase, a unit's totals per layer.

Points are Decimals with 2 places. A unit's total = regular criteria + bonus (capped by the
table's bonus cap) − deductions, never below 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from cum4.models import ClusterYear
from emulation.scoring.models import CriteriaGroup, CriteriaTable, Criterion, ScoringRound

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


def prime_scoring_round(cluster_year: ClusterYear) -> ClusterYear:
    """Keep the round read with the year (select_related("scoring_round")) for
    scoring_round_of, so the pages and checks that ask for it make no query."""
    try:
        round_ = cluster_year.scoring_round
    except ScoringRound.DoesNotExist:
        round_ = None
    cluster_year._scoring_round = round_ or ScoringRound(cluster_year=cluster_year)
    return cluster_year


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
        return self._criteria_by_group.get(group.pk, [])

    @cached_property
    def _criteria_by_group(self) -> dict[int, list[Criterion]]:
        # Totals are computed per unit and layer: group the criteria once per tree.
        by_group: dict[int, list[Criterion]] = {}
        for criterion in self.criteria:
            by_group.setdefault(criterion.group_id, []).append(criterion)
        return by_group

    @property
    def regular_max(self) -> Decimal:
        regular = (Criterion.Method.BONUS, Criterion.Method.DEDUCTION)
        return sum((c.max_points for c in self.criteria if c.method not in regular), ZERO)


def table_tree(*, cluster_year: ClusterYear) -> TableTree:
    """The criteria table of the year as groups → criteria in order, plus its tie-breaks.

    Three queries whatever the size of the table (four for a table without groups).
    """
    groups = list(
        CriteriaGroup.objects.filter(table__cluster_year=cluster_year)
        .select_related("table")
        .order_by("position", "id")
    )
    table = groups[0].table if groups else (
        CriteriaTable.objects.filter(cluster_year=cluster_year).first()
    )
    if table is None:
        return TableTree(table=None)
    for group in groups:
        group.table = table  # one instance for the whole tree
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
