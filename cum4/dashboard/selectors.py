"""Reads of the dashboards: approved figures of a cluster or a unit across years.

One fetch serves a whole page: the members of the cluster over the charted years (1 query),
their reports over those years (1 query) and the approved figures summed by unit and year in
the database (1 query per section), so the query count does not grow with the number of units
or years, nor the rows read with the number of quarters. Figures are combined by the reports'
selectors (`approved_figures`: flows summed over approved quarters, openings from the first
quarter, derived indicators recomputed from the sums), as the workbook combines them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from cum4.collation import by_unit
from cum4.models import ClusterYear, Membership, Unit
from cum4.periods import PERIOD_QUARTERS
from cum4.registry import DashboardPanel, registry
from cum4.reports.models import QuarterlyReport

# The reports package's own combination, so a dashboard never disagrees with cluster_report.
from cum4.reports.selectors import (
    FigureValue,
    approved_figures,
    flatten,
    no_figures,
    reports_values,
    sum_figures,
)
from cum4.reports.year_totals import cluster_year_totals

YEARS_CHARTED = 10
# Every figure of the year-end report (cum4.exports.docx), in its order and parts: the tiles
# of the dashboard. The first of each pair is the part's heading (an msgid of the report).
HEADLINE_GROUPS = (
    (
        "1. Inspections",
        (
            "insp_total",
            "subjects_inspected",
            "violation_vnd",
            "violation_land_m2",
            "recovery_recommended_vnd",
            "recovery_recommended_land_m2",
            "recovered_vnd",
            "recovered_land_m2",
            "recovery_rate",
            "sanction_decisions",
            "sanction_vnd",
            "admin_handling_orgs",
            "admin_handling_persons",
            "referred_cases",
            "referred_persons",
            "policy_recommendations",
        ),
    ),
    (
        "2. Citizen reception, petitions, complaints and denunciations",
        (
            "reception_turns",
            "reception_persons",
            "petitions_received",
            "petitions_eligible",
            "cases_in_jurisdiction",
            "cases_resolved",
            "resolution_rate",
            "on_time_rate",
        ),
    ),
    (
        "3. Anti-corruption",
        (
            "publicity_checks",
            "asset_declarations_required",
            "asset_declarations_done",
            "asset_verifications",
            "officials_rotated",
            "corruption_cases",
            "corruption_persons",
            "heads_held_responsible",
            "corruption_recovered_vnd",
        ),
    ),
)
HEADLINE_CODES = tuple(code for _heading, codes in HEADLINE_GROUPS for code in codes)
# The per-unit table and the charts by unit.
TABLE_CODES = (
    "insp_total",
    "subjects_inspected",
    "violation_vnd",
    "recovered_vnd",
    "recovery_rate",
    "reception_turns",
    "petitions_received",
    "cases_in_jurisdiction",
    "cases_resolved",
    "resolution_rate",
)
CHART_CODES = (
    "insp_total",
    "subjects_inspected",
    "reception_turns",
    "petitions_received",
    "cases_resolved",
)


@dataclass(frozen=True)
class Completeness:
    """Reports of the period's quarters by state: approved, submitted (awaiting the lead),
    missing (not yet submitted: none, draft or returned)."""

    approved: int = 0
    submitted: int = 0
    missing: int = 0

    @property
    def expected(self) -> int:
        return self.approved + self.submitted + self.missing


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    role: str
    figures: dict[str, FigureValue]
    previous: dict[str, FigureValue] | None
    approved_quarters: tuple[int, ...]
    completeness: Completeness

    @property
    def complete(self) -> bool:
        return self.completeness.approved == self.completeness.expected

    @cached_property
    def changes(self) -> dict[str, Decimal | None]:
        """Change in percent of each figure against the same period of the year before."""
        previous = self.previous or {}
        return {code: change(value, previous.get(code)) for code, value in self.figures.items()}


@dataclass(frozen=True)
class YearPoint:
    year: int  # the cluster's older years hold only the charted figures (CHART_CODES)
    figures: dict[str, FigureValue]


@dataclass(frozen=True)
class ClusterDashboard:
    cluster_year: ClusterYear
    period: str
    rows: list[UnitRow]
    totals: dict[str, FigureValue]
    previous_totals: dict[str, FigureValue] | None
    completeness: Completeness
    series: list[YearPoint]
    years: list[int]
    available_years: list[int] = field(default_factory=list)
    ranking: Any = None
    panels: list[DashboardPanel] = field(default_factory=list)

    @property
    def content(self) -> tuple:
        """Everything the figures part of the page shows, computed afresh: it keys the
        rendering of that part, so a changed figure is a new key (never a stale page)."""
        return (
            self.cluster_year.pk,
            self.cluster_year.cluster.code,
            self.cluster_year.year,
            self.period,
            [
                (r.unit.pk, r.unit.code, r.unit.name, r.unit.province, r.role, r.figures,
                 r.previous, r.approved_quarters, r.completeness)
                for r in self.rows
            ],
            self.totals,
            self.previous_totals,
            self.completeness,
            [(point.year, point.figures) for point in self.series],
        )


@dataclass(frozen=True)
class UnitDashboard:
    unit: Unit
    period: str
    series: list[YearPoint]  # oldest first, only years with a report
    completeness: dict[int, Completeness]


def change(current: FigureValue, previous: FigureValue) -> Decimal | None:
    """Change in percent against the previous value; None without a comparable base."""
    if current is None or previous in (None, 0):
        return None
    return (Decimal(current) - Decimal(previous)) * 100 / Decimal(previous)


def _fetch(
    unit_ids: Sequence[int],
    years: Sequence[int],
    quarters: tuple[int, ...],
    reports: list[tuple[int, int, int, str]] | None = None,
):
    """The combined approved figures of the units over the years, the approved quarters and
    the reports' states (any state), in one query for the reports (none when the caller read
    them: `reports`, (unit_id, year, quarter, state) of at least those) and one per section.

    Returns ({(unit_id, year): figures}, {(unit_id, year): (approved quarters)},
    {(unit_id, year): [states]}).
    """
    if reports is None:
        reports = list(
            QuarterlyReport.objects.filter(
                unit_id__in=list(unit_ids), year__in=list(years), quarter__in=quarters
            )
            .order_by()  # counted, not listed: no join for the units' order
            .values_list("unit_id", "year", "quarter", "state")
        )
    else:
        wanted_units, wanted_years = set(unit_ids), set(years)
        reports = [
            r for r in reports
            if r[0] in wanted_units and r[1] in wanted_years and r[2] in quarters
        ]
    figures = approved_figures(unit_ids=unit_ids, years=years, quarters=quarters)
    approved: dict[tuple[int, int], set[int]] = defaultdict(set)
    states: dict[tuple[int, int], list[str]] = defaultdict(list)
    for unit_id, year, quarter, state in reports:
        states[(unit_id, year)].append(state)
        if state == QuarterlyReport.State.APPROVED:
            approved[(unit_id, year)].add(quarter)
    quarters_by_key = {key: tuple(q for q in quarters if q in qs) for key, qs in approved.items()}
    return figures, quarters_by_key, states


def _completeness(states: list[str], expected: int) -> Completeness:
    approved = states.count(QuarterlyReport.State.APPROVED)
    submitted = states.count(QuarterlyReport.State.SUBMITTED)
    return Completeness(approved, submitted, max(expected - approved - submitted, 0))


def _add(a: Completeness, b: Completeness) -> Completeness:
    return Completeness(a.approved + b.approved, a.submitted + b.submitted, a.missing + b.missing)


def _cluster_figures(
    cluster_year: ClusterYear, period: str, unit_ids_by_year: dict[int, list[int]]
) -> tuple[list[UnitRow], list[YearPoint], Completeness]:
    """The rows of the year, the series over the years and the year's completeness."""
    quarters = PERIOD_QUARTERS[period]
    previous_year = cluster_year.year - 1
    # Each unit's figures of the year and the year before (the rows and their changes); the
    # older years only as the chart shows them, summed in one query (over every year, so the
    # count is the same with one year or ten).
    recent = {y: ids for y, ids in unit_ids_by_year.items() if y >= previous_year}
    unit_ids = sorted({unit_id for ids in recent.values() for unit_id in ids})
    combined, approved, states = _fetch(unit_ids, sorted(recent), quarters)
    empty = no_figures(quarters)
    older = cluster_year_totals(unit_ids_by_year=unit_ids_by_year, quarters=quarters, codes=CHART_CODES)

    def figures(unit_id: int, year: int) -> dict[str, FigureValue]:
        return combined.get((unit_id, year), empty)

    series = [
        YearPoint(year, older.get(year, empty) if year not in recent else sum_figures(
            figures(unit_id, year) for unit_id in ids))
        for year, ids in sorted(unit_ids_by_year.items())
    ]
    had_previous = previous_year in unit_ids_by_year
    rows: list[UnitRow] = []
    total_completeness = Completeness()
    members = by_unit(
        Membership.objects.filter(cluster_year=cluster_year).select_related("unit"),
        lambda membership: membership.unit,
    )
    for membership in members:
        unit_id = membership.unit_id
        done = _completeness(states.get((unit_id, cluster_year.year), []), len(quarters))
        total_completeness = _add(total_completeness, done)
        rows.append(
            UnitRow(
                unit=membership.unit,
                role=membership.role,
                figures=figures(unit_id, cluster_year.year),
                previous=figures(unit_id, previous_year) if had_previous else None,
                approved_quarters=approved.get((unit_id, cluster_year.year), ()),
                completeness=done,
            )
        )
    return rows, series, total_completeness


def cluster_dashboard(
    *, cluster_year: ClusterYear, period: str, user: Any = None
) -> ClusterDashboard:
    """The cluster dashboard of a year and period (q1..q4, 6m, 9m, year).

    Rows are the members of that year in the units' order (cum4.collation); totals sum them (rates recomputed);
    previous_* are the same period of the year before (its own members); the series covers the
    cluster's last YEARS_CHARTED years up to this one; the ranking (registry report extra
    "ranking") and the registered panels for `user` where they exist. Approved reports only.
    Constant queries: the years with their members, then the members, the reports and one
    per section; nothing cached, so never older than the data.
    """
    first_year = cluster_year.year - YEARS_CHARTED + 1
    # Every year of the cluster with its members as plain tuples (a year without members too:
    # the year switch lists it); the unit rows are only read when the figures are computed.
    years_and_members = list(
        ClusterYear.objects.filter(cluster_id=cluster_year.cluster_id)
        .order_by("year", "memberships__unit_id")
        .values_list("year", "memberships__unit_id", "memberships__role")
    )
    memberships = [
        (year, unit_id, role)
        for year, unit_id, role in years_and_members
        if unit_id is not None and first_year <= year <= cluster_year.year
    ]
    unit_ids_by_year: dict[int, list[int]] = defaultdict(list)
    for year, unit_id, _role in memberships:
        unit_ids_by_year[year].append(unit_id)
    years = sorted(unit_ids_by_year)
    # Read afresh on every request, never cached: a figure cached under a stamp of the
    # reports stays stale when the numbers are changed without the stamp (a queryset
    # update(), SQL by hand), and the page reads them in a fixed number of queries anyway.
    rows, series, total_completeness = _cluster_figures(cluster_year, period, unit_ids_by_year)
    previous_year = cluster_year.year - 1
    by_year = {point.year: point.figures for point in series}
    ranking_extra = registry.report_extras.get("ranking")
    ranking = ranking_extra(cluster_year=cluster_year, period=period) if ranking_extra else None
    panels = [
        panel
        for provider in registry.dashboard_panels
        if (panel := provider(cluster_year=cluster_year, period=period, user=user)) is not None
    ]
    return ClusterDashboard(
        cluster_year=cluster_year,
        period=period,
        rows=rows,
        totals=by_year.get(cluster_year.year) or sum_figures([]),
        previous_totals=by_year.get(previous_year),
        completeness=total_completeness,
        series=series,
        years=years,
        available_years=sorted({year for year, _unit, _role in years_and_members}, reverse=True),
        ranking=ranking,
        panels=sorted(panels, key=lambda panel: panel.order),
    )


def unit_dashboard(*, unit: Unit, period: str) -> UnitDashboard:
    """One unit's approved figures for the period in each year it reported, oldest first,
    the last YEARS_CHARTED years; constant queries (the unit's reports, one per section)."""
    quarters = PERIOD_QUARTERS[period]
    # Every report of the unit (four a year: a small read), for its years and their states.
    reports = list(
        QuarterlyReport.objects.filter(unit=unit)
        .order_by()
        .values_list("unit_id", "year", "quarter", "state")
    )
    years = sorted({year for _unit, year, _q, _s in reports}, reverse=True)[:YEARS_CHARTED]
    combined, _approved, states = _fetch([unit.pk], years, quarters, reports)
    empty = no_figures(quarters)
    series = [YearPoint(year, combined.get((unit.pk, year), empty)) for year in sorted(years)]
    completeness = {
        year: _completeness(states.get((unit.pk, year), []), len(quarters)) for year in years
    }
    return UnitDashboard(unit=unit, period=period, series=series, completeness=completeness)


@dataclass(frozen=True)
class Source:
    report: QuarterlyReport
    value: int | None


def figure_sources(*, units: Sequence[Unit], year: int, period: str, code: str) -> list[Source]:
    """The approved reports a figure is summed from, in the units' order then by quarter, with the value
    each contributes (None for a derived code)."""
    reports = by_unit(
        QuarterlyReport.objects.filter(
            unit__in=list(units),
            year=year,
            quarter__in=PERIOD_QUARTERS[period],
            state=QuarterlyReport.State.APPROVED,
        )
        .select_related("unit", "approved_by")
        .order_by("quarter"),
        lambda report: report.unit,
    )
    values = reports_values(report.pk for report in reports)
    return [Source(report, flatten(values[report.pk]).get(code)) for report in reports]
