"""The scoring phases' deadlines are dated rule rows (self-scoring 15/11, review 30/11, final
scoring and vote 10/12 by the seeded rows, "cần xác nhận"); `send_reminders` reminds, once a
day, exactly the units that have not done the phase's step, and the lead who must close it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cum4.models import Unit
from cum4.notifications.models import Notification
from cum4.notifications.reminders import reminders_send
from emulation.movements.models import CycleDeadline
from emulation.movements.selectors.deadlines import (
    cycle_deadline_rule,
    cycle_deadlines_in_force,
    scoring_phase_deadlines,
)
from emulation.scoring.models import CrossReview, NominationBallot
from emulation.scoring.reminders import scoring_deadlines
from tests.emulation.scoring_fixtures import (
    leader_of,
    set_phase,
    set_scores,
    small_table,
    staff_of,
)
from tests.notifications.conftest import notified

pytestmark = pytest.mark.django_db

Kind = CycleDeadline.Kind
MEMBERS_2022 = ["caobang", "dienbien", "hagiang", "laichau", "langson", "laocai", "sonla"]
LEADS_2022 = ["laichau.leader", "langson.leader"]


def _people(*codes: str) -> list[str]:
    return sorted(f"{code}.{role}" for code in codes for role in ("leader", "staff"))


def _reminded(prefix: str, kind: str | None = None) -> list[str]:
    filters = {"key__startswith": prefix}
    if kind:
        filters["kind"] = kind
    return notified(**filters)


def _self_score_all(cluster_year, criteria, *codes: str) -> None:
    for code in codes:
        set_scores(Unit.objects.get(code=code),
                   {criteria["a"]: 30, criteria["b"]: 10, criteria["c"]: 40}, "self_score")


@pytest.fixture
def table_2022(cluster_2022):
    return small_table(cluster_2022)


def test_the_scoring_phase_deadlines_are_dated_rows_marked_to_confirm(core):
    assert scoring_phase_deadlines(year=2022) == {
        "self": dt.date(2022, 11, 15), "review": dt.date(2022, 11, 30),
        "vote": dt.date(2022, 12, 10)}
    for kind in (Kind.SELF_SCORING, Kind.SCORING_REVIEW, Kind.SCORING_VOTE):
        row = cycle_deadline_rule(year=2022, kind=kind)
        assert row.needs_confirmation and "Quy chế hoạt động Cụm" in row.legal_basis


def test_a_new_phase_deadline_row_applies_from_its_valid_from_date(core):
    CycleDeadline.objects.create(kind=Kind.SELF_SCORING, month=11, day=20,
                                 valid_from=dt.date(2024, 1, 1), legal_basis="Quy chế mới")
    CycleDeadline.objects.filter(kind=Kind.SELF_SCORING, valid_from__lt=dt.date(2024, 1, 1)
                                 ).update(valid_to=dt.date(2023, 12, 31))
    assert scoring_phase_deadlines(year=2023)["self"] == dt.date(2023, 11, 15)
    assert scoring_phase_deadlines(year=2024)["self"] == dt.date(2024, 11, 20)
    assert [row.kind for row in cycle_deadlines_in_force(on=dt.date(2024, 6, 1))
            if row.kind == Kind.SELF_SCORING] == [Kind.SELF_SCORING]


def test_self_scoring_reminders_go_once_a_day_to_the_units_that_have_not_self_scored(
    cluster_2022, table_2022
):
    _self_score_all(cluster_2022, table_2022, "sonla")
    set_scores(Unit.objects.get(code="laichau"), {table_2022["a"]: 30}, "self_score")  # partly
    call_command("send_reminders", "--date", "2022-11-14")
    call_command("send_reminders", "--date", "2022-11-14")
    expected = _people(*[code for code in MEMBERS_2022 if code != "sonla"])
    assert _reminded("scoring-self:") == expected  # each once, Sơn La (done) not at all
    note = Notification.objects.get(recipient__username="laichau.staff",
                                    key__startswith="scoring-self:")
    assert note.text == "Hạn 15/11/2022: tự chấm điểm 2022 của Thanh tra tỉnh Lai Châu"
    assert note.url == reverse("emulation:score_sheet", args=["cum-iv", 2022, "laichau"])
    assert _reminded("scoring-self-lead:") == LEADS_2022


def test_no_self_scoring_reminder_once_the_unit_has_self_scored(cluster_2022, table_2022):
    call_command("send_reminders", "--date", "2022-11-14")
    assert "laichau.staff" in _reminded("scoring-self:")
    _self_score_all(cluster_2022, table_2022, *[c for c in MEMBERS_2022 if c != "hagiang"])
    call_command("send_reminders", "--date", "2022-11-16")  # a day after: passed
    passed = _reminded("scoring-self:", Notification.Kind.DEADLINE_PASSED)
    assert passed == _people("hagiang")
    lead = Notification.objects.filter(key__startswith="scoring-self-lead:",
                                       kind=Notification.Kind.DEADLINE_PASSED).first()
    assert "1 trên 7" in lead.text


def test_a_closed_self_scoring_reminds_neither_the_units_nor_the_lead(cluster_2022, table_2022):
    set_phase(cluster_2022, "review")
    call_command("send_reminders", "--date", "2022-11-14")
    assert not Notification.objects.filter(key__startswith="scoring-self")


def test_review_reminders_go_to_the_assigned_peer_unit_and_the_lead(cluster_2022, table_2022):
    units = {u.code: u for u in Unit.objects.filter(code__in=MEMBERS_2022)}
    CrossReview.objects.create(cluster_year=cluster_2022, unit=units["sonla"],
                               reviewer=units["laocai"])
    CrossReview.objects.create(cluster_year=cluster_2022, unit=units["caobang"],
                               reviewer=units["dienbien"])
    set_scores(units["caobang"], {table_2022["a"]: 30, table_2022["b"]: 10,
                                  table_2022["c"]: 40}, "review_score")  # reviewed
    set_phase(cluster_2022, "review")
    call_command("send_reminders", "--date", "2022-11-23")
    call_command("send_reminders", "--date", "2022-11-23")
    assert _reminded("scoring-review:") == _people("laocai")
    note = Notification.objects.filter(key__startswith="scoring-review:").first()
    assert note.url == reverse("emulation:score_sheet", args=["cum-iv", 2022, "sonla"])
    assert _reminded("scoring-review-lead:") == LEADS_2022
    lead = Notification.objects.filter(key__startswith="scoring-review-lead:").first()
    assert "6 trên 7" in lead.text


def test_vote_reminders_go_to_the_leaders_of_units_without_a_ballot(cluster_2022, table_2022):
    set_phase(cluster_2022, "vote")
    sonla, laichau = Unit.objects.get(code="sonla"), Unit.objects.get(code="laichau")
    NominationBallot.objects.create(cluster_year=cluster_2022, voter=sonla, nominee=laichau,
                                    cast_by=leader_of("sonla"))
    call_command("send_reminders", "--date", "2022-12-09")
    call_command("send_reminders", "--date", "2022-12-09")
    assert _reminded("scoring-vote:") == sorted(
        f"{code}.leader" for code in MEMBERS_2022 if code != "sonla")
    assert _reminded("scoring-vote-lead:") == LEADS_2022
    set_phase(cluster_2022, "final")
    Notification.objects.all().delete()
    call_command("send_reminders", "--date", "2022-12-11")
    assert not Notification.objects.filter(key__startswith="scoring-")


def test_a_year_without_a_criteria_table_gets_no_scoring_reminder(cluster_2022):
    call_command("send_reminders", "--date", "2022-11-14")
    assert not Notification.objects.filter(key__startswith="scoring-")


def test_the_scoring_reminders_query_count_does_not_grow_with_the_units(
    cluster_2022, table_2022
):
    today = dt.date(2022, 11, 14)
    with CaptureQueriesContext(connection) as all_pending:
        many = scoring_deadlines(today=today)
    _self_score_all(cluster_2022, table_2022, *MEMBERS_2022[1:])
    with CaptureQueriesContext(connection) as one_pending:
        few = scoring_deadlines(today=today)
    assert len(many) == 8 and len(few) == 2  # seven units + the lead; one unit + the lead
    assert len(all_pending) == len(one_pending) <= 12


def test_the_rules_page_lists_the_scoring_phase_deadlines(client_for, secretariat):
    body = client_for(secretariat).get(reverse("emulation:rules"),
                                       {"on": "2022-06-01"}).content.decode()
    for label, day in (("tự chấm điểm của các đơn vị", "15/11"),
                       ("chấm chéo, thẩm định điểm", "30/11"),
                       ("chốt điểm và bình xét, suy tôn", "10/12")):
        assert label in body.lower() and day in body
    assert "Quy chế hoạt động Cụm" in body


def test_send_reminders_query_count_does_not_grow_with_the_units_reminded(
    cluster_2022, table_2022
):
    today = dt.date(2022, 11, 14)
    with CaptureQueriesContext(connection) as all_pending:
        many = reminders_send(today=today)
    Notification.objects.all().delete()
    _self_score_all(cluster_2022, table_2022, *MEMBERS_2022[1:])
    with CaptureQueriesContext(connection) as one_pending:
        few = reminders_send(today=today)
    assert (many.notifications, few.notifications) == (16, 4)  # 7 units or 1, and the lead
    assert len(all_pending) == len(one_pending) <= 30


def test_the_units_scoring_tasks_carry_the_phase_deadline(client_for, cluster_2022, table_2022):
    set_phase(cluster_2022, "self")
    body = client_for(staff_of("laichau")).get(reverse("cum4:home")).content.decode()
    assert "15/11/2022" in body  # 2022 is past: the task is late
    set_phase(cluster_2022, "vote")
    body = client_for(leader_of("laichau")).get(reverse("cum4:home")).content.decode()
    assert "10/12/2022" in body
