"""Scoring tells the member units when the lead opens a phase (the vote: their leaders), and
reminds the lead and deputy of the year-end award dossier (the dated dossier rule)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from cum4.notifications.models import Notification
from emulation.movements.models import CycleDeadline
from emulation.scoring.services.scores import scoring_phase_set
from tests.emulation.scoring_fixtures import scoring_table, set_phase  # noqa: F401
from tests.notifications.conftest import notified

pytestmark = pytest.mark.django_db

Kind = Notification.Kind
MEMBERS_2022 = ["caobang", "dienbien", "hagiang", "laichau", "langson", "laocai", "sonla"]


def test_opening_the_vote_tells_the_member_units_leaders(
    cluster_2022, scoring_table, lead_2022  # noqa: F811
):
    set_phase(cluster_2022, "review")
    scoring_phase_set(cluster_year=cluster_2022, phase="vote", by=lead_2022)
    expected = sorted(f"{code}.leader" for code in MEMBERS_2022 if code != "langson")
    assert notified(kind=Kind.VOTE_OPENED) == expected  # not the lead who opened it
    note = Notification.objects.filter(kind=Kind.VOTE_OPENED).first()
    assert note.url == reverse("emulation:vote", args=["cum-iv", 2022])
    scoring_phase_set(cluster_year=cluster_2022, phase="vote", by=lead_2022)  # no change
    assert len(notified(kind=Kind.VOTE_OPENED)) == len(expected)


def test_opening_self_scoring_tells_the_member_units_staff_and_leaders(
    cluster_2022, scoring_table, lead_2022  # noqa: F811
):
    set_phase(cluster_2022, "review")
    scoring_phase_set(cluster_year=cluster_2022, phase="self", by=lead_2022)
    assert "laichau.staff" in notified(kind=Kind.PHASE_OPENED)
    assert "langson.leader" not in notified(kind=Kind.PHASE_OPENED)


def test_the_lead_and_deputy_are_reminded_of_the_award_dossier_from_the_dated_rule(
    cluster_2022,
):
    call_command("send_reminders", "--date", "2022-12-19")
    dossier = Notification.objects.filter(text__contains="hồ sơ khen thưởng")
    assert sorted(dossier.values_list("recipient__username", flat=True)) == [
        "laichau.leader", "langson.leader"
    ]
    assert dossier.first().text == "Hạn 20/12/2022: hồ sơ khen thưởng 2022 của Cụm thi đua số IV"
    CycleDeadline.objects.filter(kind="cluster_dossier").update(day=28)  # one deadline model
    Notification.objects.all().delete()
    call_command("send_reminders", "--date", "2022-12-19")
    assert not Notification.objects.filter(text__contains="hồ sơ khen thưởng")
    call_command("send_reminders", "--date", "2022-12-27")
    assert Notification.objects.filter(text__startswith="Hạn 28/12/2022: hồ sơ").count() == 2
