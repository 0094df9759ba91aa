"""A registration's review tells whom it concerns, in the app and by e-mail (unless the
person turned e-mail off), once, never the person who acted."""

from __future__ import annotations

import pytest
from django.core import mail

from cum4.models import User
from cum4.notifications.models import Notification
from cum4.notifications.services import inbox_update
from emulation.awards.models import Award, Registration
from emulation.awards.review import (
    registration_accept,
    registration_return,
    registration_submit,
    registration_withdraw,
)
from emulation.awards.services import registration_item_add
from tests.notifications.conftest import mailed_to, notified

pytestmark = pytest.mark.django_db

Kind = Notification.Kind
YEAR = 2022  # lead: Lạng Sơn, deputy: Lai Châu
URL = f"/emulation/units/sonla/registrations/{YEAR}/"


def _draft(unit, code: str) -> Registration:
    registration_item_add(unit=unit(code), year=YEAR, award=Award.objects.get(code="tt_ldtt"),
                          by=User.objects.get(username=f"{code}.staff"))
    return Registration.objects.select_related("unit").get(unit__code=code, year=YEAR)


@pytest.fixture
def submitted(unit, leader_sonla, with_emails, django_capture_on_commit_callbacks):
    registration = _draft(unit, "sonla")
    with django_capture_on_commit_callbacks(execute=True):
        registration_submit(registration=registration, version=registration.version,
                            by=leader_sonla)
    return registration


def test_signing_tells_the_cluster_lead_and_deputy_of_that_year_once(submitted):
    assert notified(kind=Kind.REGISTRATION_SUBMITTED) == ["laichau.leader", "langson.leader"]
    assert Notification.objects.count() == 2  # nobody else, nothing twice
    note = Notification.objects.get(recipient__username="langson.leader")
    assert note.text == "Thanh tra tỉnh Sơn La đã ký gửi đăng ký thi đua năm 2022: đề nghị xét duyệt"
    assert note.url == URL
    assert mailed_to() == ["laichau.leader@example.vn", "langson.leader@example.vn"]
    assert f"http://localhost:8000{URL}" in mail.outbox[0].body


def test_accepting_tells_the_units_staff_and_leader(
    submitted, lead_2022, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_accept(registration=submitted, version=submitted.version, by=lead_2022)
    assert notified(kind=Kind.REGISTRATION_ACCEPTED) == ["sonla.leader", "sonla.staff"]
    assert set(Notification.objects.filter(kind=Kind.REGISTRATION_ACCEPTED)
               .values_list("text", flat=True)) == {
        "Đăng ký thi đua năm 2022 của Thanh tra tỉnh Sơn La đã được Trưởng cụm chấp thuận"
    }
    assert mailed_to() == ["sonla.leader@example.vn", "sonla.staff@example.vn"]


def test_returning_tells_the_unit_the_reason_and_keeps_each_persons_email_choice(
    submitted, lead_2022, django_capture_on_commit_callbacks
):
    inbox_update(user=User.objects.get(username="sonla.staff"), email_enabled=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_return(registration=submitted, version=submitted.version, by=lead_2022,
                            reason="Thiếu danh hiệu cá nhân")
    assert notified(kind=Kind.REGISTRATION_RETURNED) == ["sonla.leader", "sonla.staff"]
    assert set(Notification.objects.filter(kind=Kind.REGISTRATION_RETURNED)
               .values_list("text", flat=True)) == {
        "Đăng ký thi đua năm 2022 của Thanh tra tỉnh Sơn La bị trả lại: Thiếu danh hiệu cá nhân"
    }
    assert mailed_to() == ["sonla.leader@example.vn"]  # the staff member turned e-mail off


def test_the_person_who_acts_is_not_told_of_their_own_act(
    unit, with_emails, django_capture_on_commit_callbacks
):
    # Lạng Sơn leads 2022: its leader signs Lạng Sơn's own registration; only the deputy hears
    lead = User.objects.get(username="langson.leader")
    registration = _draft(unit, "langson")
    with django_capture_on_commit_callbacks(execute=True):
        registration_submit(registration=registration, version=registration.version, by=lead)
    assert notified(kind=Kind.REGISTRATION_SUBMITTED) == ["laichau.leader"]


def test_withdrawing_the_signature_tells_nobody(
    submitted, leader_sonla, django_capture_on_commit_callbacks
):
    before = Notification.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        registration_withdraw(registration=submitted, version=submitted.version, by=leader_sonla)
    assert Notification.objects.count() == before
