"""Session lifetimes: the idle limit and the absolute lifetime from the settings, logging out
everywhere on a password change, and the report form's warning before the session ends."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from cum4.demo import DEMO_PASSWORD
from tests.reports.conftest import make_report

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/accounts/login/"
START = "2026-03-31 08:00 +07:00"


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _is_logged_out(response) -> bool:
    return response.status_code == 302 and response.url.startswith(LOGIN)


def test_it_defaults_to_two_hours_idle_and_twelve_hours_in_all_and_reads_the_environment():
    code = "import cum4.settings as s; print(s.SESSION_IDLE_SECONDS, s.SESSION_MAX_AGE_SECONDS)"
    env = {"DEBUG": "1", "PATH": "/usr/bin:/bin"}

    def run(**extra: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env={**env, **extra},
            capture_output=True, text=True, check=True,
        ).stdout.split()

    assert run() == ["7200", "43200"]
    assert run(SESSION_IDLE_MINUTES="30", SESSION_MAX_HOURS="8") == ["1800", "28800"]


def test_it_logs_out_after_two_hours_without_a_request(staff_laichau):
    with time_machine.travel(START, tick=False) as clock:
        client = _logged_in(staff_laichau)
        clock.shift(119 * 60)
        assert client.get(reverse("cum4:home")).status_code == 200
        clock.shift(119 * 60)  # 1 h 59 after the last request: still in
        assert client.get(reverse("cum4:home")).status_code == 200
        clock.shift(121 * 60)
        response = client.get(reverse("cum4:home"))
        assert _is_logged_out(response)
        assert "_auth_user_id" not in client.session
        login_page = client.get(response.url)
        assert "Phiên làm việc đã hết hạn" in login_page.content.decode()


def test_it_logs_out_twelve_hours_after_the_login_however_busy(staff_laichau):
    with time_machine.travel(START, tick=False) as clock:
        client = _logged_in(staff_laichau)
        for _hour in range(11):
            clock.shift(60 * 60)
            assert client.get(reverse("cum4:home")).status_code == 200
        clock.shift(59 * 60)  # 11 h 59
        assert client.get(reverse("cum4:home")).status_code == 200
        clock.shift(2 * 60)
        assert _is_logged_out(client.get(reverse("cum4:home")))


def test_it_does_not_write_the_session_on_every_request(staff_laichau, django_assert_num_queries):
    client = _logged_in(staff_laichau)
    client.get(reverse("cum4:home"))
    session_key = client.session.session_key
    from django.contrib.sessions.models import Session

    before = Session.objects.get(session_key=session_key).session_data
    client.get(reverse("cum4:home"))
    assert Session.objects.get(session_key=session_key).session_data == before


def test_it_logs_out_every_other_session_when_the_password_changes(staff_laichau):
    office, home = Client(), Client()
    for client in (office, home):
        client.post(LOGIN, {"username": "laichau.staff", "password": DEMO_PASSWORD})
        assert client.get(reverse("cum4:home")).status_code == 200
    response = office.post(
        reverse("password_change"),
        {
            "old_password": DEMO_PASSWORD,
            "new_password1": "A-new-passphrase-2026",
            "new_password2": "A-new-passphrase-2026",
        },
    )
    assert response.status_code == 302
    assert office.get(reverse("cum4:home")).status_code == 200  # the session that changed it
    assert _is_logged_out(home.get(reverse("cum4:home")))


def test_it_tells_the_report_form_when_the_session_ends(staff_laichau):
    report = make_report(staff_laichau.unit, 2023, 1)
    with time_machine.travel(START, tick=False):
        client = _logged_in(staff_laichau)
        html = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    match = re.search(r'<script id="session-deadlines" type="application/json">(.*?)</script>', html)
    deadlines = json.loads(match.group(1))
    now = deadlines["now"]
    assert deadlines == {"idleEndsAt": now + 7200, "endsAt": now + 43200, "warnBefore": 300, "now": now}
    assert 'data-testid="session-warning"' in html
    assert "cum4/session_timeout.js" in html
