"""Issue 15, item 6: menus never dead-end. Every link of every persona's home page and menu
answers 200 or a redirect, on an empty database and on the demo; "Reporting status" opens
the latest year that has a cluster; a unit outside the cluster this year has no tasks; the
lead's home lists what waits for approval, with a count in the menu."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from cum4.models import Unit, User
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db

# 29/11/2026 in Vietnam: reporting year 2026, led by Cao Bằng in the demo.
TODAY = dt.datetime(2026, 11, 29, 3, tzinfo=dt.UTC)
LINK = re.compile(r'(?:href|hx-get)="(/[^"#]*)"')


def _dead_links(username: str) -> list[str]:
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username=username))
    home = client.get("/")
    assert home.status_code == 200, username
    failures = []
    for path in sorted(set(LINK.findall(home.content.decode()))):
        if path.startswith(("/static/", "/media/")):
            continue
        status = client.get(path.replace("&amp;", "&")).status_code
        if status >= 400:
            failures.append(f"{username} GET {path} → {status}")
    return failures


def test_every_home_and_menu_link_answers_on_an_empty_database(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-Long-secret-9")
    call_command(
        "createsuperuser", interactive=False, username="admin", email="a@example.vn", verbosity=0
    )
    lone = Unit.objects.create(code="lone", name="Thanh tra tỉnh X", province="X")
    User.objects.create_user("viewer", role=User.Role.VIEWER)
    User.objects.create_user("lone.leader", role=User.Role.LEADER, unit=lone)
    User.objects.create_user("lone.staff", role=User.Role.STAFF, unit=lone)
    failures = []
    for username in ("admin", "viewer", "lone.leader", "lone.staff"):
        failures += _dead_links(username)
    assert not failures, "\n".join(failures)


@time_machine.travel(TODAY)
def test_every_home_and_menu_link_answers_on_the_demo():
    call_command("load_demo", quiet_logins=True)
    failures = []
    for username in (
        "secretariat", "viewer", "caobang.leader", "langson.leader", "laichau.staff",
        "hagiang.leader",
    ):
        failures += _dead_links(username)
    assert not failures, "\n".join(failures)


def test_reporting_status_opens_the_latest_year_that_has_a_cluster(client_for, secretariat, core):
    with time_machine.travel(dt.datetime(2031, 3, 1, 3, tzinfo=dt.UTC)):  # no 2031 cluster
        response = client_for(secretariat).get(reverse("reports:grid"))
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:grid_year", args=["cum-iv", 2026])


def test_reporting_status_opens_a_units_own_latest_year(client_for, core):
    """Hà Giang ceased on 30/06/2025: its leader is taken to 2024, its last year."""
    leader = User.objects.get(username="hagiang.leader")
    with time_machine.travel(TODAY):
        response = client_for(leader).get(reverse("reports:grid"))
    assert response["Location"] == reverse("reports:grid_year", args=["cum-iv", 2024])


def test_reporting_status_says_so_when_there_is_no_cluster_yet(client_for, db):
    user = User.objects.create_user("s", role=User.Role.SECRETARIAT)
    response = client_for(user).get(reverse("reports:grid"))
    assert response.status_code == 200
    assert 'data-testid="no-cluster-year"' in response.content.decode()


@time_machine.travel(TODAY)
def test_a_unit_outside_the_cluster_this_year_has_no_overdue_tasks(client_for, core):
    tasks = client_for(User.objects.get(username="hagiang.staff")).get("/").context["tasks"]
    assert tasks == []
    member = client_for(User.objects.get(username="laichau.staff")).get("/").context["tasks"]
    assert any(task.state == "late" for task in member)


@time_machine.travel(TODAY)
def test_the_leads_home_lists_reports_to_approve_with_a_count_in_the_menu(client_for, unit):
    lead = client_for(User.objects.get(username="caobang.leader"))  # the 2026 lead
    make_report(unit("sonla"), 2026, 1, "submitted", valid_values())
    make_report(unit("dienbien"), 2026, 2, "submitted", valid_values())
    make_report(unit("laocai"), 2026, 1, "draft", valid_values())
    make_report(unit("sonla"), 2023, 1, "submitted", valid_values())  # not led by Cao Bằng
    html = lead.get("/").content.decode()
    queue = html.split('data-testid="review-queue"', 1)[1].split("</ul>", 1)[0]
    assert queue.count("<li") == 2 and "Sơn La" in queue and "Điện Biên" in queue
    assert f'hx-get="{reverse("cum4:review_count")}"' in html
    badge = lead.get(reverse("cum4:review_count")).content.decode()
    assert 'data-testid="review-count">2<' in badge
    # a leader who leads nothing: an empty badge, an empty queue page
    other = client_for(User.objects.get(username="tuyenquang.leader"))
    assert "review-count" not in other.get(reverse("cum4:review_count")).content.decode()
    assert other.get(reverse("cum4:review_queue")).status_code == 200


@time_machine.travel(TODAY)
def test_the_leads_home_costs_a_fixed_number_of_queries(
    client_for, unit, django_assert_max_num_queries
):
    lead = client_for(User.objects.get(username="caobang.leader"))
    for code in ("sonla", "dienbien", "laocai"):
        make_report(unit(code), 2026, 1, "submitted", valid_values())
    lead.get("/")
    # the tasks of every app, the periods, the led years, the queue: none grows with the queue
    with django_assert_max_num_queries(20):
        lead.get("/")
    # the session, the user, the led years, then one query per kind waiting (reports,
    # registrations): none grows with the queue
    with django_assert_max_num_queries(5):
        lead.get(reverse("cum4:review_count"))
