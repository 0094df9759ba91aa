"""A cluster's approved figures summed by year in the database: the dashboard's chart of the
years, which shows a few figures of each year and needs no unit's own figures.

One query whatever the number of units, years or reports: the approved reports of the
period's quarters of the units, joined to the section rows holding the codes asked for,
summed by unit and year in the database; each year's members then added up. Combined as `approved_figures`
combines a unit's quarters (flows summed, openings from the period's first quarter, section
D's rows added) and as `sum_figures` adds the units (a value left empty adds nothing), so a
year's total equals the sum of its members' figures. Read afresh: never older than the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from django.db import connection

from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import OPENING, derived_specs, report_sections
from cum4.reports.selectors import FigureValue, with_derived

# The text of the query per (codes, first quarter, counts of units, years and quarters): code,
# not data.
_SQL: dict[tuple, tuple[str, tuple[str, ...]]] = {}


def _needed(codes: Iterable[str]) -> set[str]:
    """The entered codes `codes` are computed from (a derived code needs its inputs)."""
    derived = {spec.code: spec for spec in derived_specs()}
    needed: set[str] = set()
    for code in codes:
        spec = derived.get(code)
        needed.update((*spec.numerator, *spec.denominator) if spec else (code,))
    return needed


def _query(
    codes: tuple[str, ...], first: int, units: int, years: int, quarters: int
) -> tuple[str, tuple]:
    key = (codes, int(first), units, years, quarters)
    if key in _SQL:
        return _SQL[key]
    quote = connection.ops.quote_name
    needed = _needed(codes)
    columns, joins, order = [], [], []
    for index, section in enumerate(report_sections()):
        specs = [spec for spec in section.indicators if spec.code in needed]
        if not specs:
            continue
        model = section.model_class()
        table = quote(model._meta.db_table)
        alias = f"s{index}"
        if not section.row_field:  # one row per report: joined
            joins.append(f"LEFT JOIN {table} {alias} ON {alias}.report_id = r.id")
        for spec in specs:
            column = quote(model._meta.get_field(spec.code).column)
            value = (
                f"{alias}.{column}"
                if not section.row_field  # several rows per report (D): added up
                else f"(SELECT SUM(x.{column}) FROM {table} x WHERE x.report_id = r.id)"
            )
            if spec.kind == OPENING:
                value = f"CASE WHEN r.quarter = {int(first)} THEN {value} END"
            columns.append(f"SUM({value})")
            order.append(spec.code)
    sql = (
        f"SELECT r.unit_id, r.year, {', '.join(columns)} "
        f"FROM {quote(QuarterlyReport._meta.db_table)} r "
        f"{' '.join(joins)} "
        f"WHERE r.state = %s AND r.unit_id IN ({', '.join(['%s'] * units)}) "
        f"AND r.year IN ({', '.join(['%s'] * years)}) "
        f"AND r.quarter IN ({', '.join(['%s'] * quarters)}) "
        "GROUP BY r.unit_id, r.year"
    )
    _SQL[key] = (sql, tuple(order))
    return _SQL[key]


def cluster_year_totals(
    *,
    unit_ids_by_year: Mapping[int, Sequence[int]],
    quarters: tuple[int, ...],
    codes: Sequence[str],
) -> dict[int, dict[str, FigureValue]]:
    """{year: figures} of each year's members (`unit_ids_by_year`), summed: the entered codes
    `codes` are computed from, and `codes` (derived ones recomputed from the sums; a derived
    code not asked for may be empty). A year with nothing approved is absent."""
    unit_ids = sorted({unit_id for ids in unit_ids_by_year.values() for unit_id in ids})
    years = sorted(unit_ids_by_year)
    if not unit_ids or not years:
        return {}
    sql, order = _query(tuple(codes), quarters[0], len(unit_ids), len(years), len(quarters))
    params = [QuarterlyReport.State.APPROVED.value, *unit_ids, *years, *quarters]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    members = {(unit_id, year) for year, ids in unit_ids_by_year.items() for unit_id in ids}
    sums: dict[int, dict[str, FigureValue]] = {}
    for unit_id, year, *values in rows:
        if (unit_id, year) not in members:  # a unit of the cluster in another year only
            continue
        total = sums.setdefault(year, dict.fromkeys(order))
        for code, value in zip(order, values, strict=True):
            if value is not None:
                previous = total[code]
                total[code] = int(value) if previous is None else previous + int(value)
    return {year: with_derived(total) for year, total in sums.items()}
