"""A quarterly report's workflow tells whom it concerns, in the app and by e-mail."""

from __future__ import annotations

import pytest
from django.core import mail

from cum4.models import User
from cum4.notifications.models import Notification
from cum4.notifications.services import inbox_update
from cum4.reports.services import report_approve, report_reopen, report_return, report_submit
from tests.notifications.conftest import mailed_to, notified
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db

Kind = Notification.Kind
YEAR = 2022  # lead: Lạng Sơn, deputy: Lai Châu


@pytest.fixture
def submitted(leader_sonla, unit, with_emails, django_capture_on_commit_callbacks):
    report = make_report(unit("sonla"), YEAR, 2, values=valid_values())
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=report, version=report.version, comment="", by=leader_sonla)
    return report


def test_it_tells_the_cluster_lead_and_deputy_of_that_year_that_a_report_was_submitted(
    submitted,
):
    assert notified(kind=Kind.REPORT_SUBMITTED) == ["laichau.leader", "langson.leader"]
    note = Notification.objects.get(recipient__username="langson.leader")
    assert note.text == "Thanh tra tỉnh Sơn La đã gửi báo cáo quý 2/2022"
    assert note.url == f"/reports/{submitted.pk}/"
    assert mailed_to() == ["laichau.leader@example.vn", "langson.leader@example.vn"]
    message = mail.outbox[0]
    assert "Thanh tra tỉnh Sơn La đã gửi báo cáo quý 2/2022" in message.subject
    assert f"http://localhost:8000/reports/{submitted.pk}/" in message.body
    assert "/notifications/settings/" in message.body


def test_a_returned_report_notifies_the_units_staff_and_leader(
    submitted, lead_2022, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_return(report=submitted, by=lead_2022, reason="Thiếu số liệu mục B")
    assert notified(kind=Kind.REPORT_RETURNED) == ["sonla.leader", "sonla.staff"]
    assert set(
        Notification.objects.filter(kind=Kind.REPORT_RETURNED).values_list("text", flat=True)
    ) == {"Báo cáo quý 2/2022 của Thanh tra tỉnh Sơn La bị trả lại: Thiếu số liệu mục B"}
    assert mailed_to() == ["sonla.leader@example.vn", "sonla.staff@example.vn"]


def test_an_approved_report_notifies_the_unit(
    submitted, lead_2022, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        report_approve(report=submitted, by=lead_2022)
    assert notified(kind=Kind.REPORT_APPROVED) == ["sonla.leader", "sonla.staff"]
    assert mailed_to() == ["sonla.leader@example.vn", "sonla.staff@example.vn"]
    with django_capture_on_commit_callbacks(execute=True):
        report_reopen(report=submitted, by=lead_2022, reason="Sai số liệu")
    assert notified(kind=Kind.REPORT_RETURNED) == ["sonla.leader", "sonla.staff"]


def test_the_person_who_acted_is_not_told_of_their_own_act(
    leader_laichau, unit, with_emails, django_capture_on_commit_callbacks
):
    report = make_report(unit("laichau"), YEAR, 2, values=valid_values())  # Lai Châu deputises
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=report, version=report.version, comment="", by=leader_laichau)
    assert notified(kind=Kind.REPORT_SUBMITTED) == ["langson.leader"]
    with django_capture_on_commit_callbacks(execute=True):
        report_approve(report=report, by=User.objects.get(username="langson.leader"))
    assert notified(kind=Kind.REPORT_APPROVED) == ["laichau.leader", "laichau.staff"]


def test_someone_who_turned_email_off_is_notified_in_the_app_only(
    leader_sonla, lead_2022, unit, with_emails, django_capture_on_commit_callbacks
):
    inbox_update(user=lead_2022, email_enabled=False)
    report = make_report(unit("sonla"), YEAR, 3, values=valid_values())
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(report=report, version=report.version, comment="", by=leader_sonla)
    assert notified(kind=Kind.REPORT_SUBMITTED) == ["laichau.leader", "langson.leader"]
    assert mailed_to() == ["laichau.leader@example.vn"]
    assert Notification.objects.get(recipient=lead_2022).emailed_at is None


def test_nobody_is_emailed_before_the_commit(
    leader_sonla, unit, with_emails, django_capture_on_commit_callbacks
):
    report = make_report(unit("sonla"), YEAR, 4, values=valid_values())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report_submit(report=report, version=report.version, comment="", by=leader_sonla)
    assert mail.outbox == [] and len(callbacks) == 1
    assert Notification.objects.filter(kind=Kind.REPORT_SUBMITTED).count() == 2
