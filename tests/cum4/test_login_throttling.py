"""Login throttling (django-axes): lockout by user name and by address, the Vietnamese message
saying when to try again, the secretariat's unlock in the admin, failures in the log."""

from __future__ import annotations

import logging

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.urls import reverse

from cum4.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def _log_in(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def _fail(client: Client, username: str, times: int, address: str | None = None) -> None:
    for i in range(times):
        _log_in(client, username, "wrong-password", address or f"10.1.0.{i + 1}")


@time_machine.travel("2026-03-31 09:00 +07:00", tick=False)
def test_it_refuses_the_right_password_after_ten_failures_with_the_time_to_try_again(core):
    client = Client()
    _fail(client, "laichau.staff", 10)  # each from another address: the user name locks
    response = _log_in(client, "laichau.staff", DEMO_PASSWORD, "10.2.0.1")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    text = response.content.decode()
    assert "Đăng nhập sai quá nhiều lần" in text
    assert "Hãy thử lại sau 09:30 ngày 31/03/2026" in text  # 30 minutes' cool-off, local time


def test_it_lets_the_ninth_failure_still_log_in_with_the_right_password(core):
    client = Client()
    _fail(client, "laichau.staff", 9)
    response = _log_in(client, "laichau.staff", DEMO_PASSWORD, "10.2.0.1")
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_it_locks_an_address_that_tries_many_user_names(core):
    client = Client()
    for i in range(10):
        _log_in(client, f"nobody{i}", "wrong-password", "10.3.0.1")
    assert _log_in(client, "sonla.staff", DEMO_PASSWORD, "10.3.0.1").status_code == 429
    # Another address is not locked for that user.
    assert _log_in(Client(), "sonla.staff", DEMO_PASSWORD, "10.3.0.2").status_code == 302


def test_it_lets_the_user_in_again_after_the_cool_off(core):
    with time_machine.travel("2026-03-31 09:00 +07:00", tick=False) as clock:
        _fail(Client(), "laichau.staff", 10, "10.4.0.1")
        clock.shift(31 * 60)
        assert _log_in(Client(), "laichau.staff", DEMO_PASSWORD, "10.4.0.2").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_it_takes_the_failure_limit_from_the_settings(core):
    _fail(Client(), "laichau.staff", 3)
    assert _log_in(Client(), "laichau.staff", DEMO_PASSWORD, "10.2.0.1").status_code == 429


def test_it_lets_the_secretariat_unlock_the_account_in_the_admin(core, secretariat, client_for):
    _fail(Client(), "laichau.staff", 10, "10.5.0.1")
    attempt = AccessAttempt.objects.get(username="laichau.staff")
    admin = client_for(secretariat)
    changelist = admin.get(reverse("admin:axes_accessattempt_changelist"))
    assert "laichau.staff" in changelist.content.decode()
    response = admin.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert _log_in(Client(), "laichau.staff", DEMO_PASSWORD, "10.5.0.2").status_code == 302


def test_it_logs_each_failure(core, caplog):
    with caplog.at_level(logging.INFO, logger="axes"):
        _fail(Client(), "laichau.staff", 2, "10.6.0.1")
    failures = [
        r.getMessage() for r in caplog.records if "login failure" in r.getMessage()
    ]
    assert len(failures) == 2
    assert all("laichau.staff" in message and "10.6.0.1" in message for message in failures)
    assert AccessAttempt.objects.get(username="laichau.staff").failures_since_start == 2
