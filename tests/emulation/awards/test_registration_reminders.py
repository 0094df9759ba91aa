"""Units are reminded of the registration deadline (the dated cycle deadline, 25/03) until
their leader has signed the year's registration."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cum4.notifications.models import Notification
from emulation.awards.models import Registration
from emulation.movements.models import CycleDeadline
from tests.notifications.conftest import notified

pytestmark = pytest.mark.django_db

Kind = Notification.Kind


def test_units_are_reminded_to_register_until_the_registration_is_signed(
    core, unit, leader_sonla
):
    Registration.objects.create(
        unit=unit("sonla"), year=2022, signed_by=leader_sonla, signed_at=timezone.now()
    )
    Registration.objects.create(unit=unit("laichau"), year=2022)  # not signed yet
    call_command("send_reminders", "--date", "2022-03-24")
    call_command("send_reminders", "--date", "2022-03-24")
    reminded = notified(kind=Kind.DEADLINE_APPROACHING)
    assert "laichau.staff" in reminded and "laichau.leader" in reminded
    assert not [name for name in reminded if name.startswith("sonla.")]
    assert len(reminded) == 12  # six units, staff and leader, once
    note = Notification.objects.get(recipient__username="laichau.staff")
    assert note.text == "Hạn 25/03/2022: đăng ký thi đua 2022 của Thanh tra tỉnh Lai Châu"
    assert note.url == reverse("emulation:registration_detail", args=["laichau", 2022])


def test_the_registration_deadline_comes_from_the_dated_row(core):
    CycleDeadline.objects.filter(kind=CycleDeadline.Kind.REGISTRATION).update(day=30)
    call_command("send_reminders", "--date", "2022-03-24")  # 6 days before: no reminder day
    assert not Notification.objects.exists()
    call_command("send_reminders", "--date", "2022-03-29")
    assert Notification.objects.filter(text__startswith="Hạn 30/03/2022: đăng ký").count() == 14
