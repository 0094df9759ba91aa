"""Issue 16 item 7: the lead's view of a report reads "changed since the last approval" in one
query over the sections' history, whatever the number of records, and finds what the walk
over every record found (the newest record of each row at or before the approval; records
of one instant in the order they were written)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cum4.reports.models import QuarterlyReport
from cum4.reports.page_selectors import changes_since_approval
from cum4.reports.sections import report_sections
from cum4.reports.services import _write_values
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db

YEAR = 2022  # Lạng Sơn leads the cluster, Lai Châu is a member


def _walk(report: QuarterlyReport) -> list[tuple[str, str, str, object, object]]:
    """The changes as the page found them before: every history record up to the approval,
    oldest first, the last one of each row winning."""
    current = {
        (s.code, getattr(o, s.row_field) if s.row_field else ""): o
        for s in report_sections()
        for o in s.model_class().objects.filter(report=report)
    }
    changes = []
    for section in report_sections():
        at_approval: dict[str, dict] = {}
        for record in section.model_class().history.filter(
            report_id=report.pk, history_date__lte=report.approved_at
        ).order_by("history_date", "history_id"):
            row = getattr(record, section.row_field) if section.row_field else ""
            at_approval[row] = {code: getattr(record, code) for code in section.codes}
        for row in section.row_keys:
            for code in section.codes:
                before = at_approval.get(row, {}).get(code)
                obj = current.get((section.code, row))
                after = getattr(obj, code) if obj is not None else None
                if before != after:
                    changes.append((section.code, row, code, before, after))
    return changes


def _values(turns: int, complaint_cases: int) -> dict:
    values = valid_values()
    values["B"][""]["reception_turns"] = turns
    values["D"]["complaint"]["cases_new"] = complaint_cases
    values["D"]["complaint"]["cases_resolved"] = complaint_cases + 1
    values["D"]["complaint"]["cases_resolved_on_time"] = complaint_cases + 1
    return values


def _edit(report: QuarterlyReport, times: int, start: int) -> None:
    """`times` saves of the report's values, each changing a row of B and of D."""
    for step in range(times):
        _write_values(report, _values(60 + start + step, 4 + (start + step) % 3))


def _lead_view(client, report) -> tuple[int, list]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("reports:detail", args=[report.pk]))
    assert response.status_code == 200
    changes = [(c.section, c.row, c.code, c.before, c.after) for c in response.context["page"].changes]
    return len(queries.captured_queries), changes


def _approve(report: QuarterlyReport, at: dt.datetime) -> None:
    QuarterlyReport.objects.filter(pk=report.pk).update(
        state=QuarterlyReport.State.APPROVED, approved_at=at, submitted_at=at
    )
    report.refresh_from_db()


def _reopen(report: QuarterlyReport) -> None:
    QuarterlyReport.objects.filter(pk=report.pk).update(state=QuarterlyReport.State.RETURNED)
    report.refresh_from_db()


@override_settings(PAGE_CACHE=False)
def test_the_leads_view_costs_the_same_queries_with_many_history_records(
    client_for, lead_2022, staff_laichau
):
    start = dt.datetime(2022, 4, 2, 8, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        report = make_report(staff_laichau.unit, YEAR, 1, values=valid_values())
    _approve(report, start + dt.timedelta(hours=1))
    client = client_for(lead_2022)
    client.get(reverse("reports:detail", args=[report.pk]))  # the session's first visit
    few, changes = _lead_view(client, report)
    assert changes == []

    # Reopened, corrected forty times over two days, approved again, then reopened and
    # corrected once more: hundreds of records, most of them before the last approval.
    _reopen(report)
    for day in range(2):
        with time_machine.travel(start + dt.timedelta(days=day + 1), tick=False):
            _edit(report, 20, start=day * 20)  # twenty records of each row at one instant
    _approve(report, start + dt.timedelta(days=3))
    _reopen(report)
    with time_machine.travel(start + dt.timedelta(days=4), tick=False):
        _edit(report, 1, start=7)
    many, changes = _lead_view(client, report)

    assert many == few
    assert changes == _walk(report)
    # The last record before the approval won (step 39: 99 turns, 4 + 39 % 3 = 4 cases);
    # the correction after it (67 turns, 5 cases) is what the page calls "now".
    assert ("B", "", "reception_turns", 99, 67) in changes
    assert ("D", "complaint", "cases_new", 4, 5) in changes


@override_settings(PAGE_CACHE=False)
def test_it_lists_every_value_of_a_report_approved_without_history(client_for, lead_2022, unit):
    """A report approved before its history was kept (or written around it): every stored
    value differs from the nothing recorded at approval, as the walk found."""
    from tests.exports.conftest import SEED_TOTALS
    from tests.exports.factories import bulk_approved_reports

    laichau = unit("laichau")
    bulk_approved_reports([laichau], [YEAR], SEED_TOTALS)
    report = QuarterlyReport.objects.get(unit=laichau, year=YEAR, quarter=1)
    _count, changes = _lead_view(client_for(lead_2022), report)
    assert changes == _walk(report)
    assert len(changes) == sum(len(s.codes) * len(s.row_keys) for s in report_sections())
    assert [(c.section, c.code) for c in changes_since_approval(report)] == [
        (section, code) for section, _row, code, _b, _a in changes
    ]
