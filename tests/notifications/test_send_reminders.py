"""`manage.py send_reminders`: deadlines from the dated quarter windows, each reminder once a
day per person, days counted in Vietnam time."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from cum4.models import QuarterWindow
from cum4.notifications.models import Notification
from cum4.notifications.services import inbox_update
from tests.notifications.conftest import mailed_to, notified
from tests.reports.conftest import make_report

pytestmark = pytest.mark.django_db

Kind = Notification.Kind
# 2022 (TT 02/2021): Q1 is due from the units on 17/03 and from the cluster on 20/03;
# reminders go 7 days and 1 day before, and the day after.
MEMBERS_2022 = ["caobang", "dienbien", "hagiang", "laichau", "langson", "laocai", "sonla"]


def _run(day: str | None = None) -> str:
    out = StringIO()
    call_command("send_reminders", *(["--date", day] if day else []), stdout=out)
    return out.getvalue()


def _people(codes: list[str]) -> list[str]:
    return sorted(f"{code}.{role}" for code in codes for role in ("leader", "staff"))


def test_running_twice_on_the_same_day_sends_each_reminder_once(with_emails):
    _run("2022-03-16")
    _run("2022-03-16")
    assert notified(kind=Kind.DEADLINE_APPROACHING) == _people(MEMBERS_2022)
    assert len(mail.outbox) == 14
    assert mailed_to() == sorted(f"{name}@example.vn" for name in _people(MEMBERS_2022))
    note = Notification.objects.get(recipient__username="laichau.staff")
    assert note.text == "Hạn 17/03/2022: báo cáo quý 1/2022 của Thanh tra tỉnh Lai Châu"
    assert note.url == "/reports/"
    assert "Hạn 17/03/2022" in mail.outbox[0].subject


def test_it_reminds_again_on_the_next_reminder_day_and_after_the_deadline(core):
    _run("2022-03-10")  # 7 days before
    _run("2022-03-12")  # no reminder day
    _run("2022-03-16")  # 1 day before
    _run("2022-03-18")  # the day after
    # Only the report's (the registrations of 25/03 are recalled on the 18th and 24th too).
    of_reports = Notification.objects.filter(text__contains="báo cáo quý")
    assert of_reports.filter(recipient__username="laichau.staff").count() == 3
    late = Notification.objects.get(recipient__username="laichau.staff", kind=Kind.DEADLINE_PASSED)
    assert late.text == "Quá hạn từ 17/03/2022: báo cáo quý 1/2022 của Thanh tra tỉnh Lai Châu"


def test_it_reminds_only_units_whose_report_is_not_with_the_lead(core, unit, leader_sonla):
    make_report(unit("sonla"), 2022, 1, "submitted", by=leader_sonla)
    make_report(unit("laocai"), 2022, 1, "approved", by=leader_sonla)
    returned = make_report(unit("dienbien"), 2022, 1, "returned")
    _run("2022-03-16")
    expected = [code for code in MEMBERS_2022 if code not in ("sonla", "laocai")]
    assert notified(kind=Kind.DEADLINE_APPROACHING) == _people(expected)
    assert Notification.objects.get(recipient__username="dienbien.staff").url == (
        f"/reports/{returned.pk}/"
    )


def test_units_outside_the_cluster_that_year_are_not_reminded(core):
    _run("2022-03-16")
    assert not Notification.objects.filter(recipient__unit__code__in=["tuyenquang", "yenbai"])


def test_the_lead_and_deputy_are_reminded_of_the_cluster_deadline_while_reports_wait(
    core, unit, leader_sonla
):
    make_report(unit("sonla"), 2022, 1, "submitted", by=leader_sonla)
    _run("2022-03-19")  # the cluster's deadline is the 20th
    assert notified(kind=Kind.DEADLINE_APPROACHING) == ["laichau.leader", "langson.leader"]
    note = Notification.objects.get(recipient__username="langson.leader")
    assert note.text == (
        "Hạn 20/03/2022: phê duyệt báo cáo quý 1/2022 của Cụm thi đua số IV "
        "(7/7 đơn vị chưa được phê duyệt)"
    )
    assert note.url == "/reports/status/cum-iv/2022/"


def test_the_lead_is_not_reminded_once_every_report_is_approved(core, unit, lead_2022):
    for code in MEMBERS_2022:
        make_report(unit(code), 2022, 1, "approved", by=lead_2022)
    _run("2022-03-19")
    _run("2022-03-16")
    assert not Notification.objects.exists()


def test_the_deadline_comes_from_the_dated_quarter_window_not_a_constant(core):
    QuarterWindow.objects.filter(quarter=1, valid_from=dt.date(2021, 1, 1)).update(
        unit_deadline_day=25
    )
    _run("2022-03-16")
    assert not notified(kind=Kind.DEADLINE_APPROACHING)
    _run("2022-03-24")
    report = "báo cáo quý 1/2022"  # 25/03 is also the registrations' deadline
    assert notified(kind=Kind.DEADLINE_APPROACHING, text__contains=report) == _people(MEMBERS_2022)
    assert Notification.objects.filter(text__startswith=f"Hạn 25/03/2022: {report}").count() == 14


def test_the_day_is_the_vietnam_day(core):
    # 18:00 UTC on 15/03 is 01:00 on 16/03 in Hanoi: one day before the deadline there.
    with time_machine.travel(dt.datetime(2022, 3, 15, 18, 0, tzinfo=dt.UTC), tick=False):
        output = _run()
    assert "16/03/2022" in output
    assert len(notified(kind=Kind.DEADLINE_APPROACHING)) == 14


def test_someone_who_turned_email_off_gets_the_reminder_in_the_app_only(
    with_emails, staff_laichau
):
    inbox_update(user=staff_laichau, email_enabled=False)
    _run("2022-03-16")
    assert "laichau.staff" in notified(kind=Kind.DEADLINE_APPROACHING)
    assert "laichau.staff@example.vn" not in mailed_to()
    assert len(mail.outbox) == 13


def test_an_email_that_failed_is_sent_by_the_next_run(with_emails, monkeypatch):
    from cum4.notifications import services

    def refuse(*args, **kwargs):
        raise OSError("the mail server is down")

    monkeypatch.setattr(services, "send_mail", refuse)
    _run("2022-03-16")
    assert mail.outbox == [] and Notification.objects.filter(emailed_at__isnull=True).count() == 14
    monkeypatch.undo()
    _run("2022-03-16")
    assert len(mail.outbox) == 14
    assert Notification.objects.count() == 14


def test_it_refuses_a_malformed_date(core):
    with pytest.raises(CommandError):
        _run("16/03/2022")
