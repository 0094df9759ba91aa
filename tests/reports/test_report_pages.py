"""The unit's list, the grid's rows by role, tasks, navigation and the history of changes."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from cum4.models import User
from cum4.reports.services import report_reopen, report_save
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db


def test_it_lets_unit_staff_start_a_report_from_their_list(client_for, staff_laichau):
    client = client_for(staff_laichau)
    page = client.get(reverse("reports:list"))
    assert page.status_code == 200
    assert 'data-testid="open-2023-q2"' in page.content.decode()
    response = client.post(reverse("reports:open"), {"year": 2023, "quarter": 2})
    report = staff_laichau.unit.quarterly_reports.get(year=2023, quarter=2)
    assert response.url == reverse("reports:detail", args=[report.pk])
    assert report.state == "draft"
    assert client.get(response.url).status_code == 200


def test_it_refuses_the_list_to_users_without_a_unit(client_for, viewer):
    assert client_for(viewer).get(reverse("reports:list")).status_code == 403


def test_it_shows_a_unit_only_its_own_row_of_the_grid(client_for, staff_laichau, unit):
    make_report(unit("sonla"), 2023, 1, "submitted", valid_values())
    response = client_for(staff_laichau).get(reverse("reports:grid_year", args=["cum-iv", 2023]))
    assert [row.unit.code for row in response.context["rows"]] == ["laichau"]


def test_it_shows_the_lead_viewer_and_secretariat_every_row(client_for, viewer, secretariat):
    url = reverse("reports:grid_year", args=["cum-iv", 2023])
    for user in (User.objects.get(username="laocai.leader"), viewer, secretariat):
        assert len(client_for(user).get(url).context["rows"]) == 7


@time_machine.travel(dt.datetime(2023, 4, 1, 10, tzinfo=dt.UTC))
def test_it_marks_submissions_on_time_late_or_missing(client_for, unit, lead_2022):
    from cum4.reports.models import QuarterlyReport

    on_time = make_report(unit("sonla"), 2023, 1, "submitted", valid_values())
    late = make_report(unit("laocai"), 2023, 1, "submitted", valid_values())
    QuarterlyReport.objects.filter(pk=on_time.pk).update(
        submitted_at=dt.datetime(2023, 3, 16, 9, tzinfo=dt.UTC),
        warnings=[{"rule": "outlier", "message": "x"}],
    )
    QuarterlyReport.objects.filter(pk=late.pk).update(
        submitted_at=dt.datetime(2023, 3, 20, 9, tzinfo=dt.UTC)
    )
    lead = User.objects.get(username="laocai.leader")
    rows = client_for(lead).get(reverse("reports:grid_year", args=["cum-iv", 2023])).context["rows"]
    by_unit = {row.unit.code: row.cells for row in rows}
    assert by_unit["sonla"][0].timeliness == "on_time"
    assert by_unit["sonla"][0].warnings_count == 1
    assert by_unit["laocai"][0].timeliness == "late"
    assert by_unit["caobang"][0].timeliness == "missing"
    assert by_unit["caobang"][1].timeliness == "pending"


def _grid_cell(html: str, unit_code: str, quarter: int) -> str:
    row = html.split(f'data-unit="{unit_code}"', 1)[1].split("</tr>", 1)[0]
    return row.split(f'data-quarter="{quarter}"', 1)[1].split("</td>", 1)[0]


def test_the_cached_grid_follows_every_change_of_a_cell(client_for, unit):
    """The grid's rendering is cached by what it shows: a new state, a submission date,
    a warning or a passing deadline each shows at the next request."""
    from cum4.reports.models import QuarterlyReport

    client = client_for(User.objects.get(username="laocai.leader"))
    url = reverse("reports:grid_year", args=["cum-iv", 2023])
    report = make_report(unit("sonla"), 2023, 1, "draft", valid_values())
    with time_machine.travel(dt.datetime(2023, 3, 10, 10, tzinfo=dt.UTC)):
        cell = _grid_cell(client.get(url).content.decode(), "sonla", 1)
        assert 'data-state="draft"' in cell and "hạn" in cell
        QuarterlyReport.objects.filter(pk=report.pk).update(
            state="submitted",
            submitted_at=dt.datetime(2023, 3, 10, 9, tzinfo=dt.UTC),
            warnings=[{"rule": "outlier", "message": "x"}],
        )
        cell = _grid_cell(client.get(url).content.decode(), "sonla", 1)
        assert 'data-state="submitted"' in cell and "10/03/2023" in cell and "⚠ 1" in cell
        assert "chưa bắt đầu" in _grid_cell(client.get(url).content.decode(), "caobang", 1)
    with time_machine.travel(dt.datetime(2023, 3, 25, 10, tzinfo=dt.UTC)):
        # Nothing in the database moved; the deadline passed.
        assert "chưa gửi" in _grid_cell(client.get(url).content.decode(), "caobang", 1)


@time_machine.travel(dt.datetime(2023, 6, 20, 10, tzinfo=dt.UTC))
def test_it_lists_due_late_and_returned_reports_as_unit_tasks(client_for, staff_laichau):
    make_report(staff_laichau.unit, 2023, 2, "returned", valid_values())
    tasks = client_for(staff_laichau).get(reverse("cum4:home")).context["tasks"]
    by_due = {task.due: task.state for task in tasks}
    assert by_due[dt.date(2023, 3, 17)] == "late"  # Q1, never submitted
    assert by_due[dt.date(2023, 6, 17)] == "returned"  # Q2
    assert by_due[dt.date(2023, 9, 17)] == "due"  # Q3's window has begun
    assert dt.date(2023, 12, 17) not in by_due  # Q4's has not


def test_it_shows_the_report_links_in_the_navigation(client_for, staff_laichau, lead_2022):
    page = client_for(staff_laichau).get(reverse("cum4:home")).content.decode()
    assert reverse("reports:list") in page
    with time_machine.travel(dt.datetime(2022, 5, 1, tzinfo=dt.UTC)):
        lead_page = client_for(lead_2022).get(reverse("cum4:home")).content.decode()
    assert reverse("reports:grid") in lead_page


def test_it_links_the_grid_from_the_lead_page(client_for, lead_2022):
    page = client_for(lead_2022).get(reverse("cum4:cluster_year_lead", args=["cum-iv", 2022]))
    assert reverse("reports:grid_year", args=["cum-iv", 2022]) in page.content.decode()


def test_it_shows_what_changed_since_the_last_approval(
    client_for, leader_laichau, lead_2022, unit
):
    lead_2023 = User.objects.get(username="laocai.leader")
    report = make_report(leader_laichau.unit, 2023, 1, "submitted", valid_values())
    from cum4.reports.services import report_approve

    report_approve(report=report, by=lead_2023)
    report_reopen(report=report, by=lead_2023, reason="Sửa số lượt tiếp")
    changed = copy.deepcopy(valid_values())
    changed["B"][""]["reception_turns"] = 90
    report_save(report=report, values=changed, version=report.version, by=leader_laichau)
    response = client_for(leader_laichau).get(reverse("reports:detail", args=[report.pk]))
    changes = response.context["page"].changes
    assert [(c.code, c.before, c.after) for c in changes] == [("reception_turns", 100, 90)]
    assert 'data-testid="changes"' in response.content.decode()
    # Every change of a value is kept in the history.
    history = report.reception_section.history.order_by("history_date")
    assert [h.reception_turns for h in history] == [100, 90]


def test_it_refuses_to_open_a_report_for_a_year_outside_the_units_membership(client_for, unit):
    staff = User.objects.get(username="hagiang.staff")  # Hà Giang left the cluster in 2025
    response = client_for(staff).post(reverse("reports:open"), {"year": 2025, "quarter": 1})
    assert response.url == reverse("reports:list")
    assert not unit("hagiang").quarterly_reports.exists()
