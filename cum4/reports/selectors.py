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

from django.db import connection

from cum4.models import ClusterYear, Unit
from cum4.periods import PERIOD_QUARTERS
from cum4.registry import registry
from cum4.reports import validation
from cum4.reports.models import QuarterlyReport
from cum4.reports.page_values import compared_ids
from cum4.reports.sections import (
    DERIVED,
    OPENING,
    base_codes,
    derived_specs,
    report_sections,
)
from cum4.reports.validation import Issue, ReportValues, empty_values
from cum4.selectors import memberships_of

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
    return derived_specs()


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


@dataclass(frozen=True)
class ReportContext:
    values: ReportValues  # the report's stored values
    previous: ReportValues | None  # the unit's previous quarter (Q4 of last year before Q1)
    history: list[ReportValues]  # the unit's approved quarters before this one, newest first


def report_context(report: QuarterlyReport, *, limit: int = validation.OUTLIER_WINDOW):
    """The report's values with what its checks compare them to, in a fixed number of
    queries (one for the ids, one per section model)."""
    previous_id, history_ids = compared_ids(report, limit)
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


def approved_figures(
    *, unit_ids: Sequence[int], years: Sequence[int], quarters: tuple[int, ...]
) -> dict[tuple[int, int], dict[str, FigureValue]]:
    """{(unit id, year): figures} of the approved reports of those quarters, combined as
    `_combine_quarters` does (flows summed over the approved quarters, openings from the
    period's first quarter, derived codes recomputed), summed by the database: one query (a
    part per section model) returning a row per section, unit and year, whatever the number
    of reports. A unit and year with nothing approved is absent. Read afresh: never older than the data.

    Section D's two rows add up, as `flatten` adds them (an approved report has every value:
    submitting needs them all).
    """
    if not unit_ids or not years:
        return {}
    sums: dict[tuple[int, int], dict[str, FigureValue]] = defaultdict(dict)
    report_table = connection.ops.quote_name(QuarterlyReport._meta.db_table)
    aggregates = [_aggregate_columns(section.code, quarters[0]) for section in report_sections()]
    width = max(len(codes) for _columns, _table, codes in aggregates)
    # One query: each section's sums, padded to the widest, after its index (UNION ALL).
    sql = " UNION ALL ".join(
        f"SELECT {index}, r.unit_id, r.year, {columns}{', NULL' * (width - len(codes))} "
        f"FROM {table} s JOIN {report_table} r ON s.report_id = r.id "
        f"WHERE r.state = %s AND r.unit_id IN ({_marks(unit_ids)}) "
        f"AND r.year IN ({_marks(years)}) AND r.quarter IN ({_marks(quarters)}) "
        "GROUP BY r.unit_id, r.year"
        for index, (columns, table, codes) in enumerate(aggregates)
    )
    params = [QuarterlyReport.State.APPROVED.value, *unit_ids, *years, *quarters] * len(aggregates)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        # In the sections' order, so each unit's figures keep the dictionary's order.
        for index, unit_id, year, *values in sorted(cursor.fetchall(), key=lambda r: r[0]):
            codes = aggregates[index][2]
            sums[(unit_id, year)].update(
                zip(codes, (None if v is None else int(v) for v in values[: len(codes)]), strict=True)
            )
    return {key: with_derived(values) for key, values in sums.items()}


def _marks(values: Sequence) -> str:
    return ", ".join(["%s"] * len(values))


# The SELECT list of a section's sums, built once per section and first quarter (code, not
# data): the ORM took longer to build the five aggregate queries than the database to run them.
_AGGREGATES: dict[tuple[str, int], tuple[str, str, tuple[str, ...]]] = {}


def _aggregate_columns(section_code: str, first: int) -> tuple[str, str, tuple[str, ...]]:
    """(the SUM columns, the section's table, their codes) of a section: flows summed,
    openings taken from quarter `first` (an int of PERIOD_QUARTERS, written in the SQL)."""
    key = (section_code, int(first))
    if key not in _AGGREGATES:
        section = next(s for s in report_sections() if s.code == section_code)
        model, quote = section.model_class(), connection.ops.quote_name
        parts = []
        for spec in section.indicators:
            column = "s." + quote(model._meta.get_field(spec.code).column)
            if spec.kind == OPENING:
                parts.append(f"SUM(CASE WHEN r.quarter = {int(first)} THEN {column} END)")
            else:
                parts.append(f"SUM({column})")
        _AGGREGATES[key] = (", ".join(parts), quote(model._meta.db_table), tuple(section.codes))
    return _AGGREGATES[key]


def no_figures(quarters: tuple[int, ...]) -> dict[str, FigureValue]:
    """The figures of a unit with nothing approved: every code empty."""
    return _combine_quarters(quarters, {})


def units_period_figures(
    *, units: Sequence[Unit], year: int, period: str
) -> dict[int, UnitFigures]:
    """Approved figures of each unit for a period, keyed by unit id.

    A constant number of queries (one for the reports, one per section model, summed by the
    database: `approved_figures`) whatever the number of units; read afresh. Rates are percent with two decimals, None when the base is 0 or nothing
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
        .values_list("unit_id", "quarter")
    )
    approved: dict[int, set[int]] = defaultdict(set)
    for unit_id, quarter in reports:
        approved[unit_id].add(quarter)
    combined = approved_figures(unit_ids=[u.pk for u in units], years=[year], quarters=quarters)
    empty = no_figures(quarters)
    return {
        unit.pk: UnitFigures(
            unit=unit,
            year=year,
            period=period,
            approved_quarters=tuple(q for q in quarters if q in approved[unit.pk]),
            values=combined.get((unit.pk, year), empty),
        )
        for unit in units
    }


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
    totals: dict[str, FigureValue] = dict.fromkeys(base_codes())
    for figure in figures:
        for code, total in totals.items():
            value = figure.get(code)
            if value is not None:
                totals[code] = value if total is None else total + value
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
