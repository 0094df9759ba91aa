"""Reads of the pledge: target evaluation from approved figures and the units × targets matrix.

Indicator targets read `cum4.reports.selectors` (CONTRACT.md) and nothing else, so only
APPROVED quarterly reports ever count. A target is "unknown" until every quarter of its period
is approved; meanwhile the page shows the partial value reached so far.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Protocol

from django.db.models import Prefetch

from cum4.models import ClusterYear, Unit
from cum4.selectors import memberships_of
from emulation.movements.indicators import indicator_labels, reports_module
from emulation.movements.models import ManualJudgement, Pledge, PledgeTarget
from emulation.movements.selectors.deadlines import registration_deadline

MET = "met"
NOT_MET = "not_met"
UNKNOWN = "unknown"

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "ge": operator.ge,
    "le": operator.le,
    "eq": operator.eq,
    "gt": operator.gt,
    "lt": operator.lt,
}


class FiguresLike(Protocol):
    """What evaluation needs of `cum4.reports.selectors.UnitFigures`."""

    values: Mapping[str, int | Decimal | None]

    @property
    def complete(self) -> bool: ...


@dataclass(frozen=True)
class TargetResult:
    status: str  # MET | NOT_MET | UNKNOWN
    value: int | Decimal | None = None  # the figure so far (partial while unknown)
    judgement: ManualJudgement | None = None
    target: PledgeTarget | None = None
    approved_quarters: tuple[int, ...] = ()  # indicator targets: quarters approved so far

    @property
    def is_met(self) -> bool:
        return self.status == MET


def evaluate_indicator_target(
    *, comparator: str, threshold: Decimal, code: str, figures: FiguresLike | None
) -> TargetResult:
    """Met / not met once every quarter of the period is approved; unknown before.

    `figures` are one unit's approved figures over the target's period; a value of None
    (nothing approved, or a rate whose denominator is 0) stays unknown.
    """
    if figures is None:
        return TargetResult(UNKNOWN)
    value = figures.values.get(code)
    approved = tuple(getattr(figures, "approved_quarters", ()))
    if not figures.complete or value is None:
        return TargetResult(UNKNOWN, value, approved_quarters=approved)
    met = _COMPARE[comparator](Decimal(value), Decimal(threshold))
    return TargetResult(MET if met else NOT_MET, value, approved_quarters=approved)


def evaluate_manual_target(judgement: ManualJudgement | None) -> TargetResult:
    if judgement is None:
        return TargetResult(UNKNOWN)
    return TargetResult(judgement.status, judgement=judgement)


@dataclass
class UnitProgress:
    unit: Unit
    results: list[TargetResult] = field(default_factory=list)

    @property
    def met(self) -> int:
        return sum(1 for result in self.results if result.status == MET)

    @property
    def not_met(self) -> int:
        return sum(1 for result in self.results if result.status == NOT_MET)

    @property
    def unknown(self) -> int:
        return sum(1 for result in self.results if result.status == UNKNOWN)


@dataclass
class PledgeMatrix:
    pledge: Pledge | None
    targets: list[PledgeTarget]
    rows: list[UnitProgress]
    labels: dict[str, str]
    deadline: dt.date | None = None  # the pledge's signing deadline (dated rule data)

    @property
    def signed_late(self) -> bool:
        return bool(self.pledge and self.deadline and self.pledge.signed_on > self.deadline)

    @property
    def target_summary(self) -> list[tuple[PledgeTarget, int]]:
        """Each target with the number of units that met it."""
        return list(zip(self.targets, self.met_by_target, strict=True))

    @property
    def met_by_target(self) -> list[int]:
        """How many units met each target (in target order)."""
        return [
            sum(1 for row in self.rows if row.results[index].status == MET)
            for index in range(len(self.targets))
        ]


def pledge_get(*, cluster_year: ClusterYear) -> Pledge | None:
    return (
        Pledge.objects.select_related("host_unit", "cluster_year__cluster")
        .filter(cluster_year=cluster_year)
        .first()
    )


def _figures_by_period(
    units: Sequence[Unit], year: int, periods: set[str]
) -> dict[str, dict[int, FiguresLike]]:
    reports = reports_module()
    if reports is None or not units:
        return {}
    return {
        period: reports.units_period_figures(units=units, year=year, period=period)
        for period in sorted(periods)
    }


def pledge_matrix(*, cluster_year: ClusterYear) -> PledgeMatrix:
    """Each member unit (lead first, then by name) × each target (by position) of the pledge.

    Queries: the pledge, its targets with their judgements, the members, and one figures read
    per distinct period of the indicator targets — none of it grows with the number of units.
    """
    pledge = pledge_get(cluster_year=cluster_year)
    units = [membership.unit for membership in memberships_of(cluster_year=cluster_year)]
    if pledge is None:
        deadline = registration_deadline(year=cluster_year.year)
        return PledgeMatrix(None, [], [UnitProgress(unit) for unit in units], {}, deadline)
    targets = list(
        PledgeTarget.objects.filter(pledge=pledge).prefetch_related(
            Prefetch("judgements", queryset=ManualJudgement.objects.select_related("judged_by"))
        )
    )
    periods = {target.period for target in targets if target.is_indicator}
    figures = _figures_by_period(units, cluster_year.year, periods)
    judgements = {
        (target.pk, judgement.unit_id): judgement
        for target in targets
        for judgement in target.judgements.all()
    }
    rows = []
    for unit in units:
        progress = UnitProgress(unit)
        for target in targets:
            if target.is_indicator:
                result = evaluate_indicator_target(
                    comparator=target.comparator,
                    threshold=target.threshold,
                    code=target.indicator_code,
                    figures=figures.get(target.period, {}).get(unit.pk),
                )
            else:
                result = evaluate_manual_target(judgements.get((target.pk, unit.pk)))
            progress.results.append(replace(result, target=target))
        rows.append(progress)
    deadline = registration_deadline(year=cluster_year.year)
    return PledgeMatrix(pledge, targets, rows, indicator_labels(), deadline)


def _json_value(value: int | Decimal | None) -> int | float | None:
    return float(value) if isinstance(value, Decimal) else value


def pledge_report_extra(*, cluster_year: ClusterYear, period: str) -> dict | None:
    """The "pledge" extra of the cluster report (JSON): the pledge, its targets and each
    member's result per target; None when the year has no pledge. `period` is not used: each
    target carries its own period."""
    matrix = pledge_matrix(cluster_year=cluster_year)
    if matrix.pledge is None:
        return None
    pledge = matrix.pledge
    return {
        "signed_on": pledge.signed_on.isoformat(),
        "host_unit": pledge.host_unit.code,
        "theme": pledge.theme,
        "document_number": pledge.document_number,
        "targets": [
            {
                "title": target.title,
                "kind": target.kind,
                "indicator_code": target.indicator_code or None,
                "comparator": target.comparator or None,
                "threshold": _json_value(target.threshold),
                "period": target.period or None,
                "units_met": met,
            }
            for target, met in zip(matrix.targets, matrix.met_by_target, strict=True)
        ],
        "units": [
            {
                "unit": row.unit.code,
                "results": [
                    {"status": result.status, "value": _json_value(result.value)}
                    for result in row.results
                ],
            }
            for row in matrix.rows
        ],
    }


def pledge_dashboard_panel(*, cluster_year: ClusterYear, period: str, user):
    """The pledge's progress on the cluster dashboard (units that met each target); None when
    the year has no pledge. The dashboard already requires `cum4.view_cluster_year`, which
    admits exactly the readers of `emulation.view_pledge`, so no second check here. One query
    without a pledge; with one, a constant number (see `pledge_matrix`)."""
    from django.utils.translation import gettext_lazy

    from cum4.registry import DashboardPanel

    if not Pledge.objects.filter(cluster_year=cluster_year).exists():
        return None
    return DashboardPanel(
        title=gettext_lazy("Emulation pledge"),
        template_name="emulation/movements/pledge_panel.html",
        context={"matrix": pledge_matrix(cluster_year=cluster_year), "cluster_year": cluster_year},
        order=20,
    )
