"""Entry, submit, approve, return and reopen through the pages, with their permissions."""

from __future__ import annotations

import copy

import pytest
from django.urls import reverse

from cum4.models import User
from cum4.reports.models import QuarterlyReport, ReportEvent
from cum4.reports.selectors import report_values
from inspections.indicators import RULES_A
from tests.reports.conftest import make_report, post_data

pytestmark = pytest.mark.django_db

YEAR = 2023  # lead: Lào Cai, deputy: Sơn La; Lai Châu and Lạng Sơn are plain members


def _user(username: str) -> User:
    return User.objects.get(username=username)


@pytest.fixture
def draft(staff_laichau):
    return make_report(staff_laichau.unit, YEAR, 2)


@pytest.fixture
def lead_2023(core):
    return _user("laocai.leader")


def _detail(report):
    return reverse("reports:detail", args=[report.pk])


def _submit(client, report, comment=""):
    report.refresh_from_db()
    return client.post(
        reverse("reports:submit", args=[report.pk]),
        {"version": report.version, "comment": comment},
    )


def test_it_saves_a_draft_typed_by_unit_staff(client_for, staff_laichau, draft, values):
    response = client_for(staff_laichau).post(_detail(draft), post_data(values, draft.version))
    assert response.status_code == 302
    assert report_values(draft) == values
    draft.refresh_from_db()
    assert draft.version == 2


def test_it_saves_an_incomplete_draft(client_for, staff_laichau, draft):
    partial = {"A": {"": {"insp_new": 5, "insp_planned": 5, "insp_unplanned": 0}}}
    response = client_for(staff_laichau).post(_detail(draft), post_data(partial, 1))
    assert response.status_code == 302
    assert report_values(draft)["A"][""]["insp_new"] == 5
    assert report_values(draft)["A"][""]["insp_concluded"] is None


def test_it_refuses_a_save_breaking_an_error_rule_and_keeps_what_was_typed(
    client_for, staff_laichau, draft, values
):
    bad = copy.deepcopy(values)
    bad["A"][""]["insp_planned"] = 777  # planned + unplanned ≠ started
    response = client_for(staff_laichau).post(_detail(draft), post_data(bad, 1))
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="777"' in page
    form_a = response.context["section_forms"][0].rows[0][2]
    assert set(form_a.errors) == {"insp_planned", "insp_unplanned", "insp_new"}
    assert str(RULES_A[0].message) in page.replace("&#x27;", "'")
    assert report_values(draft)["A"][""]["insp_planned"] is None  # nothing written


def test_it_refuses_a_negative_or_decimal_value(client_for, staff_laichau, draft, values):
    data = post_data(values, 1)
    data["A-violation_vnd"] = "1.5"
    data["B-reception_turns"] = "-3"
    response = client_for(staff_laichau).post(_detail(draft), data)
    assert response.status_code == 400
    assert 'value="1.5"' in response.content.decode()
    assert report_values(draft)["A"][""]["violation_vnd"] is None


def test_it_refuses_the_second_of_two_concurrent_saves_and_keeps_the_first(
    client_for, staff_laichau, leader_laichau, draft, values
):
    first, second = copy.deepcopy(values), copy.deepcopy(values)
    first["B"][""]["reception_turns"] = 101
    second["B"][""]["reception_turns"] = 99
    assert client_for(staff_laichau).post(_detail(draft), post_data(first, 1)).status_code == 302
    response = client_for(leader_laichau).post(_detail(draft), post_data(second, 1))
    assert response.status_code == 409
    conflicts = response.context["conflicts"]
    turns = next(c for c in conflicts if c.key == "B-reception_turns")
    assert (turns.mine, turns.theirs) == (99, 101)
    assert 'data-testid="conflicts"' in response.content.decode()
    assert report_values(draft)["B"][""]["reception_turns"] == 101


def test_it_lets_only_the_unit_leader_submit(
    client_for, staff_laichau, leader_laichau, draft, values
):
    client_for(staff_laichau).post(_detail(draft), post_data(values, 1))
    assert _submit(client_for(staff_laichau), draft).status_code == 403
    assert _submit(client_for(_user("caobang.leader")), draft).status_code == 403
    assert _submit(client_for(leader_laichau), draft).status_code == 302
    draft.refresh_from_db()
    assert draft.state == QuarterlyReport.State.SUBMITTED
    assert draft.submitted_by == leader_laichau


def test_it_hides_a_draft_from_other_units_and_from_the_lead(
    client_for, draft, lead_2023, leader_sonla
):
    assert client_for(_user("caobang.leader")).get(_detail(draft)).status_code == 403
    assert client_for(lead_2023).get(_detail(draft)).status_code == 403
    assert client_for(leader_sonla).get(_detail(draft)).status_code == 403  # deputy lead


def test_it_refuses_to_submit_an_incomplete_report(client_for, leader_laichau, draft):
    partial = {"B": {"": {"reception_turns": 1, "reception_persons": 1}}}
    client_for(leader_laichau).post(_detail(draft), post_data(partial, 1))
    response = _submit(client_for(leader_laichau), draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == QuarterlyReport.State.DRAFT


def test_it_treats_zero_as_a_value_when_submitting(client_for, leader_laichau, draft, values):
    zeros = copy.deepcopy(values)
    for rows in zeros.values():
        for row in rows.values():
            for code in row:
                row[code] = 0
    client_for(leader_laichau).post(_detail(draft), post_data(zeros, 1))
    _submit(client_for(leader_laichau), draft)
    draft.refresh_from_db()
    assert draft.state == QuarterlyReport.State.SUBMITTED


def test_it_blocks_submitting_with_warnings_until_they_are_acknowledged(
    client_for, leader_laichau, lead_2023, draft, values
):
    warned = copy.deepcopy(values)
    warned["A"][""]["recovered_vnd"] = 3_500_000_000  # more than recommended: a warning
    client = client_for(leader_laichau)
    assert client.post(_detail(draft), post_data(warned, 1)).status_code == 302  # saves
    _submit(client, draft)
    draft.refresh_from_db()
    assert draft.state == QuarterlyReport.State.DRAFT
    _submit(client, draft, comment="Thu hồi các kiến nghị của năm 2022.")
    draft.refresh_from_db()
    assert draft.state == QuarterlyReport.State.SUBMITTED
    assert [w["rule"] for w in draft.warnings] == ["recovered_vs_recommended"]
    assert draft.warnings_acknowledged_by == leader_laichau
    page = client_for(lead_2023).get(_detail(draft)).content.decode()
    assert "Thu hồi các kiến nghị của năm 2022." in page
    assert 'data-testid="acknowledged-warnings"' in page


@pytest.fixture
def submitted(leader_laichau, values):
    return make_report(leader_laichau.unit, YEAR, 1, "submitted", values, by=leader_laichau)


def test_it_lets_only_that_years_lead_approve(client_for, submitted, lead_2023, lead_2022):
    url = reverse("reports:approve", args=[submitted.pk])
    # Lạng Sơn led the cluster in 2022, not in 2023.
    assert client_for(lead_2022).post(url).status_code == 403
    assert client_for(_user("laichau.leader")).post(url).status_code == 403
    assert client_for(_user("secretariat")).post(url).status_code == 403
    assert client_for(lead_2023).post(url).status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == QuarterlyReport.State.APPROVED
    assert submitted.approved_by == lead_2023


def test_it_returns_a_report_only_with_a_reason(client_for, submitted, lead_2023, lead_2022):
    url = reverse("reports:return", args=[submitted.pk])
    assert client_for(lead_2022).post(url, {"reason": "Sai số"}).status_code == 403
    client_for(lead_2023).post(url, {"reason": "  "})
    submitted.refresh_from_db()
    assert submitted.state == QuarterlyReport.State.SUBMITTED
    client_for(lead_2023).post(url, {"reason": "Mục C chưa khớp số đơn."})
    submitted.refresh_from_db()
    assert submitted.state == QuarterlyReport.State.RETURNED
    assert submitted.events.filter(
        action=ReportEvent.Action.RETURNED, comment="Mục C chưa khớp số đơn."
    ).exists()


def test_it_reopens_an_approved_report_only_with_a_reason_by_that_years_lead(
    client_for, leader_laichau, lead_2023, lead_2022, values
):
    report = make_report(leader_laichau.unit, YEAR, 3, "approved", values, by=lead_2023)
    url = reverse("reports:reopen", args=[report.pk])
    assert client_for(lead_2022).post(url, {"reason": "x"}).status_code == 403
    assert client_for(leader_laichau).post(url, {"reason": "x"}).status_code == 403
    client_for(lead_2023).post(url, {"reason": ""})
    report.refresh_from_db()
    assert report.state == QuarterlyReport.State.APPROVED
    client_for(lead_2023).post(url, {"reason": "Điều chỉnh số liệu mục A."})
    report.refresh_from_db()
    assert report.state == QuarterlyReport.State.RETURNED


def test_it_refuses_edits_of_an_approved_report_through_the_form(
    client_for, leader_laichau, lead_2023, values
):
    report = make_report(leader_laichau.unit, YEAR, 3, "approved", values, by=lead_2023)
    changed = copy.deepcopy(values)
    changed["B"][""]["reception_turns"] = 1
    response = client_for(leader_laichau).post(_detail(report), post_data(changed, report.version))
    assert response.status_code == 409  # refused, what was typed is shown again
    assert 'name="B-reception_turns" value="1"' in response.content.decode()
    assert report_values(report)["B"][""]["reception_turns"] == 100
    assert client_for(lead_2023).post(_detail(report), post_data(changed, 3)).status_code == 403


def test_it_records_every_step_on_the_timeline(
    client_for, leader_laichau, lead_2023, draft, values
):
    client = client_for(leader_laichau)
    client.post(_detail(draft), post_data(values, 1))
    _submit(client, draft)
    client_for(lead_2023).post(reverse("reports:return", args=[draft.pk]), {"reason": "Xem lại"})
    _submit(client, draft)
    client_for(lead_2023).post(reverse("reports:approve", args=[draft.pk]))
    actions = list(draft.events.values_list("action", flat=True))
    assert actions == ["submitted", "returned", "submitted", "approved"]
    page = client_for(lead_2023).get(_detail(draft)).content.decode()
    assert "Xem lại" in page and 'data-testid="timeline"' in page
