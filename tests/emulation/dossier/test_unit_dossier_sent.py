"""A unit's leader marks the unit's dossier sent to the lead (when, by whom, its pieces as they
were); the lead, the secretariat and the viewer see who has and has not sent; the units that
have not are reminded before and after the dated `unit_dossier` deadline (25/12), once a day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cum4.models import Unit
from cum4.notifications.models import Notification
from emulation.dossier import selectors, services
from emulation.dossier.models import UnitDossier
from emulation.dossier.reminders import unit_dossier_deadlines
from emulation.movements.models import CycleDeadline
from tests.emulation.dossier.conftest import component_of, leader_of, staff_of
from tests.notifications.conftest import notified

pytestmark = pytest.mark.django_db

MEMBERS_2022 = ["caobang", "dienbien", "hagiang", "laichau", "langson", "laocai", "sonla"]
HOME = reverse("emulation:dossier_home", args=["cum-iv", 2022])
SEND = reverse("emulation:dossier_unit_send", args=["cum-iv", 2022])


def _send(code: str, cluster_year, note: str = "") -> UnitDossier:
    return services.unit_dossier_send(cluster_year=cluster_year, unit=Unit.objects.get(code=code),
                                      by=leader_of(code), note=note)


def _people(*codes: str) -> list[str]:
    return sorted(f"{code}.{role}" for code in codes for role in ("leader", "staff"))


def test_the_unit_leader_marks_the_dossier_sent_with_its_pieces_and_the_history_is_kept(
        client_for, dossier_2022):
    cluster_year = dossier_2022.cluster_year
    services.component_write(component=component_of(cluster_year, "achievement", "laichau"),
                             written={"profile": "Lai Châu"}, by=staff_of("laichau"))
    services.component_write(component=component_of(cluster_year, "pending", "laichau"),
                             written={}, by=staff_of("laichau"))
    response = client_for(leader_of("laichau")).post(SEND, {"note": "Công văn số 12/TTr"})
    assert response.status_code == 302
    record = UnitDossier.objects.get(unit__code="laichau")
    assert record.sent_by == leader_of("laichau") and record.note == "Công văn số 12/TTr"
    assert [piece["kind"] for piece in record.contents] == ["achievement", "pending"]
    assert {piece["state"] for piece in record.contents} == {"drafted"}
    history = record.history.get()
    assert history.history_user == leader_of("laichau") and history.history_change_reason == "send"
    with pytest.raises(ValidationError):  # once per year
        _send("laichau", cluster_year)


def test_a_unit_cannot_send_before_drafting_its_proposal_pieces(dossier_2022):
    with pytest.raises(ValidationError, match=r"soạn|Draft"):
        _send("sonla", dossier_2022.cluster_year)  # proposed, nothing drafted
    assert not UnitDossier.objects.exists()
    record = _send("hagiang", dossier_2022.cluster_year)  # no proposal: nothing to draft
    assert record.contents == []


def test_only_the_units_own_leader_may_mark_its_dossier_sent(
        client_for, cluster_2022, lead_2022, secretariat, viewer):
    laichau = Unit.objects.get(code="laichau")
    for user in (staff_of("laichau"), leader_of("sonla"), lead_2022, secretariat, viewer):
        with pytest.raises(PermissionDenied):
            services.unit_dossier_send(cluster_year=cluster_2022, unit=laichau, by=user)
    assert client_for(staff_of("laichau")).post(SEND, {}).status_code == 403
    assert client_for(secretariat).post(SEND, {}).status_code == 403
    assert not UnitDossier.objects.exists()
    page = client_for(staff_of("laichau")).get(HOME).content.decode()
    assert 'data-testid="unit-dossier-send"' not in page  # staff: no button
    assert 'data-testid="unit-dossier-send"' in client_for(leader_of("laichau")).get(
        HOME).content.decode()


def test_the_lead_sees_which_units_have_sent_their_dossier_and_which_have_not(
        client_for, cluster_2022, lead_2022, viewer):
    _send("caobang", cluster_2022, note="Công văn 7/TTr")
    body = client_for(lead_2022).get(HOME).content.decode()
    for code in MEMBERS_2022:
        assert f'data-testid="unit-dossier-{code}"' in body
    rows = {row.unit.code: row for row in selectors.unit_dossiers(cluster_year=cluster_2022)}
    assert rows["caobang"].sent is not None and rows["laichau"].sent is None
    assert "Công văn 7/TTr" in body and "chưa gửi" in body and "đã gửi" in body
    assert 'data-testid="unit-dossier-laichau"' in client_for(viewer).get(HOME).content.decode()
    own = client_for(staff_of("sonla")).get(HOME).content.decode()
    assert 'data-testid="unit-dossier-sonla"' in own  # a unit sees its own row only
    assert 'data-testid="unit-dossier-caobang"' not in own


def test_the_units_dossier_view_query_count_does_not_grow_with_the_units(cluster_2022):
    with CaptureQueriesContext(connection) as none_sent:
        selectors.unit_dossiers(cluster_year=cluster_2022)
    for code in MEMBERS_2022[:4]:
        _send(code, cluster_2022)
    with CaptureQueriesContext(connection) as some_sent:
        rows = selectors.unit_dossiers(cluster_year=cluster_2022)
    assert len(rows) == 7 and len(none_sent) == len(some_sent) <= 5


def test_units_that_have_not_sent_are_reminded_once_a_day_before_and_after_the_deadline(
        cluster_2022):
    _send("sonla", cluster_2022)
    call_command("send_reminders", "--date", "2022-12-24")
    call_command("send_reminders", "--date", "2022-12-24")
    soon = notified(key__startswith="unit-dossier:", kind=Notification.Kind.DEADLINE_APPROACHING)
    assert soon == _people(*[code for code in MEMBERS_2022 if code != "sonla"])
    note = Notification.objects.filter(recipient__username="laichau.staff",
                                       key__startswith="unit-dossier:").get()
    assert note.text == ("Hạn 25/12/2022: hồ sơ khen thưởng 2022 của Thanh tra tỉnh Lai Châu "
                         "gửi Trưởng Cụm")
    assert note.url == HOME
    for code in MEMBERS_2022[:-2]:  # all but laocai (and sonla, already sent)
        _send(code, cluster_2022)
    call_command("send_reminders", "--date", "2022-12-26")
    call_command("send_reminders", "--date", "2022-12-26")
    assert notified(key__startswith="unit-dossier:",
                    kind=Notification.Kind.DEADLINE_PASSED) == _people("laocai")


def test_the_unit_dossier_reminder_follows_the_dated_row(cluster_2022):
    CycleDeadline.objects.filter(kind="unit_dossier").update(day=18)
    call_command("send_reminders", "--date", "2022-12-24")
    assert not Notification.objects.filter(key__startswith="unit-dossier:",
                                           kind=Notification.Kind.DEADLINE_APPROACHING)
    call_command("send_reminders", "--date", "2022-12-17")
    assert len(notified(key__startswith="unit-dossier:")) == 14


def test_the_unit_dossier_reminders_query_count_does_not_grow_with_the_units(cluster_2022):
    today = dt.date(2022, 12, 24)
    with CaptureQueriesContext(connection) as all_pending:
        many = unit_dossier_deadlines(today=today)
    for code in MEMBERS_2022[:-1]:
        _send(code, cluster_2022)
    with CaptureQueriesContext(connection) as one_pending:
        few = unit_dossier_deadlines(today=today)
    assert len(many) == 7 and len(few) == 1
    assert len(all_pending) == len(one_pending) <= 5


def test_the_lead_is_not_reminded_of_a_cluster_dossier_already_complete(dossier_2022, lead_2022):
    call_command("send_reminders", "--date", "2022-12-19")
    assert notified(key__startswith="dossier:") == ["laichau.leader", "langson.leader"]
    note = Notification.objects.filter(key__startswith="dossier:").first()
    assert note.url == HOME
    Notification.objects.all().delete()
    dossier_2022.completed_at = dt.datetime(2022, 12, 15, tzinfo=dt.UTC)
    dossier_2022.save()
    call_command("send_reminders", "--date", "2022-12-19")
    assert not Notification.objects.filter(key__startswith="dossier:")
