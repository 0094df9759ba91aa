"""The bell, the list (open, mark read, mark all read) and the e-mail preference page."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cum4.notifications.models import Inbox, Notification
from cum4.notifications.services import Message, notify

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
COUNT = re.compile(r'data-testid="notification-count">([0-9]*)</span>')


def _notify(user, text="Báo cáo quý 1/2022 đã được phê duyệt", url="/reports/"):
    notify(recipients=[user], kind=Notification.Kind.REPORT_APPROVED, message=Message(text), url=url)
    return Notification.objects.filter(recipient=user).first()


def _bell(client, url="/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return COUNT.search(response.content.decode()).group(1)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_bell_shows_the_unread_count(client_for, staff_laichau, leader_laichau):
    client = client_for(staff_laichau)
    assert _bell(client) == ""  # none: the badge is empty, so hidden
    first = _notify(staff_laichau)
    _notify(staff_laichau)
    _notify(leader_laichau)  # someone else's
    assert _bell(client) == "2"
    client.post(reverse("notifications:read", args=[first.pk]))
    assert _bell(client) == "1"


def test_the_bell_costs_no_query(client_for, staff_laichau):
    client = client_for(staff_laichau)
    without_inbox = _queries(client, "/")
    for _ in range(3):
        _notify(staff_laichau)
    assert _queries(client, "/") == without_inbox
    assert _bell(client) == "3"


def test_the_list_costs_the_same_queries_with_many_notifications(
    client_for, staff_laichau, django_assert_num_queries
):
    client = client_for(staff_laichau)
    _notify(staff_laichau)
    # The session and the user (with unit and inbox), the count and the page of the list.
    with django_assert_num_queries(4):
        assert client.get(LIST).status_code == 200
    for _ in range(40):
        _notify(staff_laichau)
    with django_assert_num_queries(4):
        response = client.get(LIST)
    assert response.content.decode().count('data-testid="notification-') == 30 + 2  # + bell


def test_the_list_shows_only_the_persons_own_notifications(
    client_for, staff_laichau, leader_sonla
):
    _notify(staff_laichau, "Dành cho Lai Châu")
    _notify(leader_sonla, "Dành cho Sơn La")
    html = client_for(staff_laichau).get(LIST).content.decode()
    assert "Dành cho Lai Châu" in html and "Dành cho Sơn La" not in html


def test_opening_a_notification_marks_it_read_and_goes_to_the_thing_concerned(
    client_for, staff_laichau
):
    note = _notify(staff_laichau, url="/reports/status/")
    response = client_for(staff_laichau).get(reverse("notifications:open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == "/reports/status/"
    note.refresh_from_db()
    assert note.is_read
    assert Inbox.objects.get(user=staff_laichau).unread == 0


def test_an_outside_link_is_not_followed(client_for, staff_laichau):
    note = _notify(staff_laichau, url="https://example.com/")
    response = client_for(staff_laichau).get(reverse("notifications:open", args=[note.pk]))
    assert response["Location"] == LIST


def test_someone_elses_notification_is_not_found(client_for, staff_laichau, leader_sonla):
    note = _notify(leader_sonla)
    client = client_for(staff_laichau)
    assert client.get(reverse("notifications:open", args=[note.pk])).status_code == 404
    assert client.post(reverse("notifications:read", args=[note.pk])).status_code == 404
    note.refresh_from_db()
    assert not note.is_read


def test_marking_read_takes_a_post(client_for, staff_laichau):
    note = _notify(staff_laichau)
    client = client_for(staff_laichau)
    assert client.get(reverse("notifications:read", args=[note.pk])).status_code == 405
    assert client.get(reverse("notifications:read_all")).status_code == 405
    assert client.post(reverse("notifications:read", args=[note.pk])).status_code == 302
    note.refresh_from_db()
    assert note.is_read


def test_mark_all_read_empties_the_bell(client_for, staff_laichau, leader_laichau):
    for _ in range(3):
        _notify(staff_laichau)
    _notify(leader_laichau)
    client = client_for(staff_laichau)
    assert client.post(reverse("notifications:read_all")).status_code == 302
    assert not Notification.objects.filter(recipient=staff_laichau, read_at__isnull=True)
    assert Notification.objects.filter(recipient=leader_laichau, read_at__isnull=True).count() == 1
    assert _bell(client) == ""


def test_the_settings_page_turns_email_off_and_on(client_for, staff_laichau):
    client = client_for(staff_laichau)
    url = reverse("notifications:settings")
    page = client.get(url).content.decode()
    assert 'name="email_enabled"' in page and "checked" in page
    assert client.post(url, {}).status_code == 302  # the box unticked
    assert Inbox.objects.get(user=staff_laichau).email_enabled is False
    assert "checked" not in client.get(url).content.decode().split('name="email_enabled"')[1][:40]
    client.post(url, {"email_enabled": "on"})
    assert Inbox.objects.get(user=staff_laichau).email_enabled is True


def test_every_role_has_the_bell_and_the_pages(client_for, secretariat, viewer, lead_2022):
    for user in (secretariat, viewer, lead_2022):
        client = client_for(user)
        assert _bell(client) == ""
        assert client.get(LIST).status_code == 200
        assert client.get(reverse("notifications:settings")).status_code == 200


def test_the_pages_ask_for_a_login(client):
    response = client.get(LIST)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
