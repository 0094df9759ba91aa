"""Issue 15, item 5: every date shown or exported is the day in Asia/Ho_Chi_Minh. A report
sent at 05:30 on 30/11 Vietnam time is 22:30 on 29/11 in UTC, as the database stores it."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from cum4.formatting import vn_date, vn_datetime
from cum4.models import User
from cum4.reports.models import QuarterlyReport
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db

SENT = dt.datetime(2023, 11, 29, 22, 30, tzinfo=dt.UTC)  # 05:30 on 30/11/2023 in Vietnam


def _submitted(unit, quarter: int, at: dt.datetime) -> QuarterlyReport:
    report = make_report(unit, 2023, quarter, "submitted", valid_values())
    QuarterlyReport.objects.filter(pk=report.pk).update(submitted_at=at)
    return report


def _cell(html: str, unit_code: str, quarter: int) -> str:
    row = html.split(f'data-unit="{unit_code}"', 1)[1].split("</tr>", 1)[0]
    return row.split(f'data-quarter="{quarter}"', 1)[1].split("</td>", 1)[0]


def test_the_display_formats_show_the_vietnamese_day_and_hour():
    assert vn_date(SENT) == "30/11/2023"
    assert vn_datetime(SENT) == "05:30 30/11/2023"
    assert vn_date(dt.date(2023, 11, 29)) == "29/11/2023"


def test_a_report_sent_at_0530_on_the_30th_shows_the_30th_on_the_grid_and_in_its_workbook(
    client_for, unit
):
    _submitted(unit("sonla"), 4, SENT)
    client = client_for(User.objects.get(username="laocai.leader"))  # the 2023 lead
    html = client.get(reverse("reports:grid_year", args=["cum-iv", 2023])).content.decode()
    cell = _cell(html, "sonla", 4)
    assert "30/11/2023" in cell and "29/11/2023" not in cell

    response = client.get(reverse("reports:grid_xlsx", args=["cum-iv", 2023]))
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    sonla = rows["Thanh tra tỉnh Sơn La"]
    assert sonla[8] == dt.datetime(2023, 11, 30)  # Q4 submitted on, as an Excel date
    assert sonla[2] is None  # Q1 not submitted


def test_the_deadline_day_ends_at_midnight_in_vietnam(client_for, unit):
    """Q4/2023 is due on 17/12: 23:30 that day in Vietnam (16:30 UTC) is on time, 00:30 the
    next day (17:30 UTC on the 17th) is late."""
    deadline_night = dt.datetime(2023, 12, 17, 16, 30, tzinfo=dt.UTC)
    _submitted(unit("sonla"), 4, deadline_night)
    _submitted(unit("dienbien"), 4, deadline_night + dt.timedelta(hours=1))
    client = client_for(User.objects.get(username="laocai.leader"))
    html = client.get(reverse("reports:grid_year", args=["cum-iv", 2023])).content.decode()
    assert "text-success" in _cell(html, "sonla", 4) and "17/12/2023" in _cell(html, "sonla", 4)
    assert "text-danger" in _cell(html, "dienbien", 4) and "18/12/2023" in _cell(html, "dienbien", 4)


def test_the_admin_export_of_reports_writes_vietnamese_local_times(client_for, secretariat, unit):
    _submitted(unit("sonla"), 4, SENT)
    response = client_for(secretariat).post(
        reverse("admin:cum4_quarterlyreport_export"),
        {
            "format": "1",
            "resource": "0",
            **{f"quarterlyreportresource_{f}": "on" for f in ("unit", "year", "quarter", "submitted_at")},
        },
    )
    assert response.status_code == 200, response.content[:300]
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.values)
    # The unit by its name and the quarter by its label (issue 14); the time a date cell.
    submitted = [row[3] for row in rows[1:] if row[0] == "Thanh tra tỉnh Sơn La" and row[2] == "Q4"]
    assert submitted == [dt.datetime(2023, 11, 30, 5, 30)], submitted
