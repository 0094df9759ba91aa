"""Entering a quarter (issue 15 item 7): who submits, the "ready for submission" notice,
whole numbers as people type them, one label per quarter, the draft kept in the browser."""

from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from cum4.models import User
from cum4.reports.forms import WholeNumberField
from cum4.reports.models import QuarterlyReport, ReportEvent
from cum4.reports.selectors import report_values
from cum4.reports.services import report_mark_ready
from cum4.selectors import reporting_year_of
from tests.reports.conftest import make_report, post_data

pytestmark = pytest.mark.django_db

YEAR = 2023


@pytest.fixture
def draft(staff_laichau):
    return make_report(staff_laichau.unit, YEAR, 2)


def _detail(report) -> str:
    return reverse("reports:detail", args=[report.pk])


def test_it_reads_whole_numbers_with_dots_between_groups_of_three():
    field = WholeNumberField(required=False)
    assert field.clean("1.234.567") == 1234567
    assert field.clean("1234567") == 1234567
    assert field.clean(" 12 ") == 12
    assert field.clean("") is None


@pytest.mark.parametrize("typed", ["1,5", "1.5", "1.23", "12.34.567", "1,234", "-3", "1e3", "15."])
def test_it_refuses_what_is_not_a_whole_number_instead_of_guessing(typed):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        WholeNumberField(required=False).clean(typed)
    assert "1.234.567" in refused.value.messages[0]


def test_it_never_saves_a_count_typed_as_1_comma_5_as_15(client_for, staff_laichau, draft, values):
    data = post_data(values, draft.version)
    data["A-insp_new"] = "1,5"
    response = client_for(staff_laichau).post(_detail(draft), data, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="1,5"' in page  # what was typed stays, marked
    assert "Nhập số nguyên" in page  # the Vietnamese message
    assert report_values(draft)["A"][""]["insp_new"] is None


def test_it_saves_an_amount_typed_in_groups_of_three(client_for, staff_laichau, draft, values):
    data = post_data(values, draft.version)
    data["A-violation_vnd"] = "5.000.000.000"
    response = client_for(staff_laichau).post(_detail(draft), data)
    assert response.status_code == 302
    assert report_values(draft)["A"][""]["violation_vnd"] == 5_000_000_000


def test_the_inputs_are_text_inputs_grouped_by_a_static_script(client_for, staff_laichau, draft):
    page = client_for(staff_laichau).get(_detail(draft)).content.decode()
    assert 'type="number"' not in page  # a browser's number input turns "1,5" into 15
    assert 'name="A-insp_new"' in page and "data-whole-number" in page
    assert "cum4/number_groups" in page and "cum4/report_draft" in page
    assert finders.find("cum4/number_groups.js") and finders.find("cum4/report_draft.js")
    assert "<script>" not in page  # no inline script (a strict CSP)


def test_it_labels_the_quarter_as_quy_not_q(client_for, staff_laichau, draft):
    page = client_for(staff_laichau).get(_detail(draft), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Quý II/2023" in page
    assert "Q2/2023" not in page


def test_staff_see_that_their_leader_submits(client_for, staff_laichau, leader_laichau, draft):
    page = client_for(staff_laichau).get(_detail(draft)).content.decode()
    assert 'data-testid="who-submits"' in page
    assert str(leader_laichau) in page
    assert 'data-testid="mark-ready"' in page
    assert 'data-testid="submit"' not in page


def test_the_leader_sees_no_ready_button_but_the_submit_form(client_for, leader_laichau, draft):
    page = client_for(leader_laichau).get(_detail(draft)).content.decode()
    assert 'data-testid="mark-ready"' not in page
    assert 'data-testid="submit"' in page


def test_staff_mark_the_report_ready_and_the_leader_sees_it_on_the_report_and_home(
    client_for, staff_laichau, leader_laichau
):
    # The home lists the tasks of the current reporting year.
    draft = make_report(staff_laichau.unit, reporting_year_of(), 1)
    response = client_for(staff_laichau).post(reverse("reports:ready", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.ready_by == staff_laichau and draft.ready_at is not None
    assert draft.version == 1  # nobody's open form goes stale
    assert ReportEvent.objects.filter(
        report=draft, action=ReportEvent.Action.READY, by=staff_laichau
    ).exists()
    assert draft.history.filter(ready_by=staff_laichau).exists()

    leader = client_for(leader_laichau)
    page = leader.get(_detail(draft)).content.decode()
    assert 'data-testid="ready-notice"' in page and str(staff_laichau) in page
    home = leader.get("/").content.decode()
    assert _detail(draft) in home and str(staff_laichau) in home


def test_submitting_clears_the_ready_notice(client_for, staff_laichau, leader_laichau, values):
    report = make_report(staff_laichau.unit, YEAR, 2, values=values)
    report_mark_ready(report=report, by=staff_laichau)
    response = client_for(leader_laichau).post(
        reverse("reports:submit", args=[report.pk]), {"version": report.version}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == QuarterlyReport.State.SUBMITTED
    assert report.ready_at is None and report.ready_by is None


def test_only_the_units_staff_can_mark_it_ready(client_for, leader_laichau, core, draft):
    other_unit_staff = User.objects.get(username="langson.staff")
    for user in (leader_laichau, other_unit_staff):
        client_for(user).post(reverse("reports:ready", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.ready_at is None


def test_the_form_carries_the_draft_key_and_version_only_when_editable(
    client_for, staff_laichau, leader_laichau, values
):
    draft = make_report(staff_laichau.unit, YEAR, 2)
    page = client_for(staff_laichau).get(_detail(draft)).content.decode()
    assert f'data-draft-key="cum4-report-draft-{draft.pk}-{staff_laichau.pk}" data-version="1"' in page
    assert 'data-testid="draft-notice"' in page
    submitted = make_report(staff_laichau.unit, YEAR, 3, state="submitted", values=values)
    page = client_for(staff_laichau).get(_detail(submitted)).content.decode()
    assert "data-draft-key" not in page
