"""Reads of the quarterly reports: their values, approved figures by period, the status grid.

Only APPROVED reports ever count in figures; drafts, submitted and returned reports never do.
Figures of a derived period (6m, 9m, year) sum the flows of its approved quarters, take the
openings from its first quarter and recompute the derived indicators from those sums.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cum4.content_cache import cached_by_content
from cum4.models import ClusterYear, Unit
from cum4.periods import PERIOD_QUARTERS
from cum4.registry import registry
from cum4.reports import validation
from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import DERIVED, OPENING, report_sections
from cum4.reports.validation import Issue, ReportValues, empty_values
from cum4.selectors import memberships_of

APPROVED_VALUES_SECONDS = 15 * 60

FigureValue = int | Decimal | None


@dataclass(frozen=True)
class Indicator:
    code: str  # e.g. "insp_new", "resolution_rate"
    label: str  # lazy, translatable
    unit: str  # "cuộc", "đồng", "%", …
    kind: str  # "opening" | "flow" | "derived"
    section: str  # "A".."E"


def indicators() -> list[Indicator]:
    """Every code of the dictionary in its order (sections A..E), then the derived codes
    insp_total, cases_in_jurisdiction, recovery_rate, resolution_rate, on_time_rate."""
    sections = report_sections()
    items = [
        Indicator(spec.code, spec.label, spec.unit, spec.kind, section.code)
        for section in sections
        for spec in section.indicators
    ]
    derived = sorted(
        ((spec, section.code) for section in sections for spec in section.derived),
        key=lambda pair: pair[0].order,
    )
    items.extend(
        Indicator(spec.code, spec.label, spec.unit, DERIVED, code) for spec, code in derived
    )
    return items


def _derived_specs():
    return sorted(
        (spec for section in report_sections() for spec in section.derived),
        key=lambda spec: spec.order,
    )


def with_derived(values: Mapping[str, FigureValue]) -> dict[str, FigureValue]:
    """`values` (base codes) plus every derived code recomputed from them."""
    result = dict(values)
    for spec in _derived_specs():
        result[spec.code] = spec.compute(result)
    return result


# --- the values of reports ------------------------------------------------------------------


def reports_values(report_ids: Iterable[int]) -> dict[int, ReportValues]:
    """The entered values of many reports: one query per section model, whatever the count."""
    ids = list(report_ids)
    result: dict[int, ReportValues] = {rid: empty_values() for rid in ids}
    if not ids:
        return result
    for section in report_sections():
        fields = ["report_id", *section.codes]
        if section.row_field:
            fields.append(section.row_field)
        rows = section.model_class().objects.filter(report_id__in=ids).values(*fields)
        for row in rows:
            key = row.pop(section.row_field) if section.row_field else ""
            report_id = row.pop("report_id")
            if key in result[report_id][section.code]:
                result[report_id][section.code][key] = row
    return result


def report_values(report: QuarterlyReport) -> ReportValues:
    """The entered values of one report (empty values where nothing is stored yet)."""
    if report.pk is None:
        return empty_values()
    return reports_values([report.pk])[report.pk]


def flatten(values: ReportValues) -> dict[str, int | None]:
    """One value per code: section D's rows are summed (None if any row is empty)."""
    flat: dict[str, int | None] = {}
    for section in report_sections():
        rows = values.get(section.code, {})
        if len(section.row_keys) == 1:  # every section but D: the row's values as they are
            row = rows.get(section.row_keys[0], {})
            for code in section.codes:
                flat[code] = row.get(code)
            continue
        row_values = [rows.get(key, {}) for key in section.row_keys]
        for code in section.codes:
            parts = [row.get(code) for row in row_values]
            flat[code] = None if None in parts else sum(parts)  # type: ignore[arg-type]
    return flat


def _previous_quarter_id(report: QuarterlyReport) -> int | None:
    year, quarter = (report.year, report.quarter - 1) if report.quarter > 1 else (report.year - 1, 4)
    return (
        QuarterlyReport.objects.filter(unit_id=report.unit_id, year=year, quarter=quarter)
        .values_list("pk", flat=True)
        .first()
    )


def _history_ids(report: QuarterlyReport, limit: int) -> list[int]:
    return list(
        QuarterlyReport.objects.filter(
            unit_id=report.unit_id, state=QuarterlyReport.State.APPROVED
        )
        .exclude(pk=report.pk)
        .filter(year__lte=report.year)
        .exclude(year=report.year, quarter__gte=report.quarter)
        .order_by("-year", "-quarter")
        .values_list("pk", flat=True)[:limit]
    )


@dataclass(frozen=True)
class ReportContext:
    values: ReportValues  # the report's stored values
    previous: ReportValues | None  # the unit's previous quarter (Q4 of last year before Q1)
    history: list[ReportValues]  # the unit's approved quarters before this one, newest first


def report_context(report: QuarterlyReport, *, limit: int = validation.OUTLIER_WINDOW):
    """The report's values with what its checks compare them to, in a fixed number of
    queries (two for the ids, one per section model)."""
    previous_id = _previous_quarter_id(report)
    history_ids = _history_ids(report, limit)
    wanted = {*history_ids, *([previous_id] if previous_id else [])}
    if report.pk is not None:
        wanted.add(report.pk)
    by_id = reports_values(wanted)
    return ReportContext(
        values=by_id[report.pk] if report.pk is not None else empty_values(),
        previous=by_id[previous_id] if previous_id else None,
        history=[by_id[pk] for pk in history_ids],
    )


def report_issues(report: QuarterlyReport, values: ReportValues | None = None) -> list[Issue]:
    """Every error and warning of the report's values (the stored ones by default), with the
    opening-balance check against the previous quarter and the outlier check against the
    unit's approved history."""
    context = report_context(report)
    return _issues(context, context.values if values is None else values)


def _issues(context: ReportContext, values: ReportValues) -> list[Issue]:
    return [
        *validation.check_values(values),
        *validation.opening_issues(values, context.previous),
        *validation.outlier_issues(values, context.history),
    ]


# --- approved figures by period -------------------------------------------------------------


@dataclass(frozen=True)
class UnitFigures:
    unit: Unit
    year: int
    period: str  # q1..q4, 6m, 9m, year
    approved_quarters: tuple[int, ...]  # quarters of the period with an APPROVED report
    values: dict[str, FigureValue]

    @property
    def complete(self) -> bool:
        """Every quarter of the period is approved."""
        return self.approved_quarters == PERIOD_QUARTERS[self.period]


def _period_quarters(period: str) -> tuple[int, ...]:
    if period not in PERIOD_QUARTERS:
        raise ValueError(f"Unknown period {period!r}; use one of {', '.join(PERIOD_QUARTERS)}.")
    return PERIOD_QUARTERS[period]


def _combine_quarters(
    quarters: tuple[int, ...], by_quarter: Mapping[int, dict[str, int | None]]
) -> dict[str, FigureValue]:
    """Flows summed over the approved quarters, openings from the period's first quarter."""
    kinds = {spec.code: spec.kind for s in report_sections() for spec in s.indicators}
    values: dict[str, FigureValue] = {}
    approved = [q for q in quarters if q in by_quarter]
    for code, kind in kinds.items():
        if kind == OPENING:
            first = by_quarter.get(quarters[0])
            values[code] = first.get(code) if first else None
        else:
            parts = [by_quarter[q].get(code) for q in approved]
            parts = [p for p in parts if p is not None]
            values[code] = sum(parts) if parts else None
    return with_derived(values)


def units_period_figures(
    *, units: Sequence[Unit], year: int, period: str
) -> dict[int, UnitFigures]:
    """Approved figures of each unit for a period, keyed by unit id.

    A constant number of queries (one for the reports, one per section model) whatever the
    number of units. Rates are percent with two decimals, None when the base is 0 or nothing
    is approved.
    """
    quarters = _period_quarters(period)
    reports = list(
        QuarterlyReport.objects.filter(
            unit__in=list(units),
            year=year,
            quarter__in=quarters,
            state=QuarterlyReport.State.APPROVED,
        )
        .order_by("pk")
        .values_list("pk", "unit_id", "quarter", "updated_at")
    )
    by_unit = _approved_flat_values(reports)
    return {
        unit.pk: UnitFigures(
            unit=unit,
            year=year,
            period=period,
            approved_quarters=tuple(q for q in quarters if q in by_unit[unit.pk]),
            values=_combine_quarters(quarters, by_unit[unit.pk]),
        )
        for unit in units
    }


def _approved_flat_values(
    reports: list[tuple[int, int, int, Any]],
) -> dict[int, dict[int, dict[str, int | None]]]:
    """{unit id: {quarter: flat values}} of approved reports (pk, unit id, quarter, updated_at).

    An approved report's values are locked (form, admin, import) and every workflow step
    saves the report, moving updated_at: the list itself keys the cache, so the section
    tables are read once per change of the approved data, never stale.
    """

    def compute() -> dict[int, dict[int, dict[str, int | None]]]:
        values = reports_values(pk for pk, *_rest in reports)
        by_unit: dict[int, dict[int, dict[str, int | None]]] = defaultdict(dict)
        for pk, unit_id, quarter, _updated in reports:
            by_unit[unit_id][quarter] = flatten(values[pk])
        return by_unit

    return cached_by_content(
        "cum4-approved-values", reports, compute, seconds=APPROVED_VALUES_SECONDS
    )


def unit_period_figures(*, unit: Unit, year: int, period: str) -> UnitFigures:
    """Approved figures of one unit for one period (see `units_period_figures`)."""
    return units_period_figures(units=[unit], year=year, period=period)[unit.pk]


@dataclass(frozen=True)
class ClusterFigures:
    cluster_year: ClusterYear
    period: str
    units: list[UnitFigures]  # the members of that year, by unit name
    totals: dict[str, FigureValue]  # sums; derived rates recomputed from the sums
    complete: bool


def sum_figures(figures: Iterable[Mapping[str, FigureValue]]) -> dict[str, FigureValue]:
    """Sum base codes across units (a unit with nothing approved adds nothing), then derive."""
    figures = list(figures)
    base = [i.code for i in indicators() if i.kind != DERIVED]
    totals: dict[str, FigureValue] = {}
    for code in base:
        parts = [f.get(code) for f in figures if f.get(code) is not None]
        totals[code] = sum(parts) if parts else None  # type: ignore[arg-type]
    return with_derived(totals)


def cluster_period_figures(*, cluster_year: ClusterYear, period: str) -> ClusterFigures:
    """The approved figures of every member of a cluster year and their totals."""
    units = [m.unit for m in memberships_of(cluster_year=cluster_year)]  # in the units' order
    by_unit = units_period_figures(units=units, year=cluster_year.year, period=period)
    rows = [by_unit[unit.pk] for unit in units]
    return ClusterFigures(
        cluster_year=cluster_year,
        period=period,
        units=rows,
        totals=sum_figures(row.values for row in rows),
        complete=bool(rows) and all(row.complete for row in rows),
    )


def _json_value(value: FigureValue) -> int | float | None:
    return float(value) if isinstance(value, Decimal) else value


def cluster_report_data(*, cluster_year: ClusterYear, period: str) -> dict:
    """The data of `manage.py cluster_report` (JSON-able), plus the registered extras.

    {"cluster", "year", "period", "complete", "totals": {code: value},
     "units": [{"unit": code, "name", "approved_quarters", "complete", "figures": {...}}]}
    Rates are percent numbers with two decimals (89.72).
    """
    figures = cluster_period_figures(cluster_year=cluster_year, period=period)
    codes = [i.code for i in indicators()]
    data: dict = {
        "cluster": cluster_year.cluster.code,
        "year": cluster_year.year,
        "period": period,
        "complete": figures.complete,
        "totals": {code: _json_value(figures.totals.get(code)) for code in codes},
        "units": [
            {
                "unit": row.unit.code,
                "name": row.unit.name,
                "approved_quarters": list(row.approved_quarters),
                "complete": row.complete,
                "figures": {code: _json_value(row.values.get(code)) for code in codes},
            }
            for row in figures.units
        ],
    }
    for name, extra in registry.report_extras.items():
        value = extra(cluster_year=cluster_year, period=period)
        if value is not None:
            data[name] = value
    return data
