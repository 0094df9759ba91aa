"""Reads for the report pages: the lead's status grid, a unit's reports, the report page
(values, checks, timeline, changes since approval). Figures and values live in
`cum4.reports.selectors` (the interface other parts use)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.utils import timezone

from cum4.collation import by_unit
from cum4.models import ClusterYear, Unit, User
from cum4.periods import periods_of_year
from cum4.reports import validation
from cum4.reports.models import QuarterlyReport, ReportEvent
from cum4.reports.page_values import compared_ids, page_values
from cum4.reports.permissions import cluster_year_of_report
from cum4.reports.sections import report_sections
from cum4.reports.selectors import (
    FigureValue,
    ReportContext,
    _derived_specs,
    _issues,
    flatten,
    report_values,
    with_derived,
)
from cum4.reports.validation import Issue, ReportValues
from cum4.selectors import memberships_of

# --- the lead's status grid ----------------------------------------------------------------


@dataclass(frozen=True)
class GridCell:
    quarter: int
    report: QuarterlyReport | None
    deadline: dt.date
    timeliness: str  # "on_time" | "late" | "missing" | "pending" (deadline not passed yet)

    @property
    def state(self) -> str:
        return self.report.state if self.report else ""

    @property
    def warnings_count(self) -> int:
        return len(self.report.warnings) if self.report else 0

    @property
    def fingerprint(self) -> tuple:
        """Everything the grid shows of the cell (keys the grid's cached rendering)."""
        report = self.report
        return (
            self.quarter,
            report.pk if report else None,
            self.state,
            report.submitted_at if report else None,
            self.warnings_count,
            self.deadline,
            self.timeliness,
        )


@dataclass(frozen=True)
class GridRow:
    unit: Unit
    cells: list[GridCell]

    @property
    def approved_quarters(self) -> tuple[int, ...]:
        return tuple(c.quarter for c in self.cells if c.state == QuarterlyReport.State.APPROVED)

    @property
    def complete(self) -> bool:
        return len(self.approved_quarters) == len(self.cells)

    @property
    def fingerprint(self) -> tuple:
        return (self.unit.pk, self.unit.code, str(self.unit), *(c.fingerprint for c in self.cells))


def _timeliness(report: QuarterlyReport | None, deadline: dt.date, today: dt.date) -> str:
    submitted = report.submitted_at if report else None
    if submitted is not None:
        return "on_time" if timezone.localdate(submitted) <= deadline else "late"
    return "missing" if today > deadline else "pending"


def report_status_grid(
    *, cluster_year: ClusterYear, units: Sequence[Unit] | None = None, today: dt.date | None = None
) -> list[GridRow]:
    """Units × quarters of a cluster year: each cell the report (state, submission date against
    the unit deadline, warnings). Rows by unit name; `units` narrows to some members.
    Three queries whatever the number of units (memberships, windows, reports)."""
    today = today or timezone.localdate()
    members = units if units is not None else [
        m.unit for m in memberships_of(cluster_year=cluster_year)
    ]
    members = by_unit(members)
    periods = periods_of_year(cluster_year.year)
    reports = {
        (r.unit_id, r.quarter): r
        for r in QuarterlyReport.objects.filter(
            unit__in=members, year=cluster_year.year
        ).only(
            "id", "unit_id", "year", "quarter", "state", "submitted_at", "warnings", "version"
        )
    }
    rows = []
    for unit in members:
        cells = []
        for quarter in range(1, 5):
            report = reports.get((unit.pk, quarter))
            deadline = periods[f"q{quarter}"].unit_deadline
            cells.append(GridCell(quarter, report, deadline, _timeliness(report, deadline, today)))
        rows.append(GridRow(unit, cells))
    return rows


def unit_reports(*, unit: Unit, years: Sequence[int]) -> dict[tuple[int, int], QuarterlyReport]:
    """The unit's reports of some years keyed by (year, quarter)."""
    return {
        (r.year, r.quarter): r
        for r in QuarterlyReport.objects.filter(unit=unit, year__in=list(years))
    }


def report_for_page(pk: int) -> QuarterlyReport:
    """One report with its unit, who marked it ready and the id of its cluster year (the
    lead's rights), for the report page (404 when missing); one query."""
    return get_object_or_404(
        QuarterlyReport.objects.select_related("unit", "ready_by").annotate(
            cluster_year_of_report=cluster_year_of_report()
        ),
        pk=pk,
    )


def unit_leaders(unit: Unit) -> list[User]:
    """The unit's active leaders, who submit its reports, by name (one query)."""
    return list(
        User.objects.filter(unit=unit, role=User.Role.LEADER, is_active=True).order_by(
            "full_name", "username"
        )
    )


def report_timeline(report: QuarterlyReport) -> list[ReportEvent]:
    """The workflow events of a report, oldest first, with who did them."""
    return list(report.events.select_related("by").order_by("at", "id"))


@dataclass(frozen=True)
class Change:
    section: str
    row: str
    code: str
    label: str
    before: int | None
    after: int | None


def changes_since_approval(
    report: QuarterlyReport, values: ReportValues | None = None
) -> list[Change]:
    """Values that differ from what they were when the report was last approved (each section
    row as its history last recorded it at or before `approved_at`; one query for them all,
    whatever the number of records). Empty if never approved."""
    if report.approved_at is None:
        return []
    current = report_values(report) if values is None else values
    return _changes(page_values(report, set()).at_approval, current)


def _changes(at_approval: ReportValues | None, current: ReportValues) -> list[Change]:
    """The codes whose value now differs from the one at approval (None: never approved),
    in the sections' order, section D's rows in theirs."""
    if at_approval is None:
        return []
    changes = []
    for section in report_sections():
        for row in section.row_keys:
            before_row = at_approval[section.code][row]
            after_row = current[section.code][row]
            for spec in section.indicators:
                before = before_row.get(spec.code)
                after = after_row.get(spec.code)
                if before != after:
                    label = str(spec.label)
                    if row:
                        label = f"{dict(section.rows)[row]}: {label}"
                    changes.append(Change(section.code, row, spec.code, label, before, after))
    return changes


@dataclass(frozen=True)
class ReportPage:
    report: QuarterlyReport
    values: ReportValues
    derived: dict[str, FigureValue]  # the derived indicators of the stored values
    issues: list[Issue]  # current errors and warnings of the stored values
    timeline: list
    changes: list[Change]


def report_page(report: QuarterlyReport) -> ReportPage:
    """Everything the report page shows, in three queries whatever the data size: the reports
    its checks compare to, their values with the report's values at approval, the timeline."""
    previous_id, history_ids = compared_ids(report, validation.OUTLIER_WINDOW)
    read = page_values(report, {report.pk, *history_ids, *([previous_id] if previous_id else [])})
    values = read.by_id[report.pk]
    context = ReportContext(
        values=values,
        previous=read.by_id[previous_id] if previous_id else None,
        history=[read.by_id[pk] for pk in history_ids],
    )
    derived = with_derived(flatten(values))
    return ReportPage(
        report=report,
        values=values,
        derived={spec.code: derived[spec.code] for spec in _derived_specs()},
        issues=_issues(context, values),
        timeline=report_timeline(report),
        changes=_changes(read.at_approval, values),
    )
