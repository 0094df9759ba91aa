from __future__ import annotations

import re

import pytest
import time_machine
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cum4.models import User

pytestmark = pytest.mark.django_db

# Reachable without logging in: the login page itself, the language switch it offers, the
# forgotten-password pages (and the one-time set-password link), and the container health
# check (not a page).
PUBLIC = {
    "login", "set_language", "healthz",
    "password_reset", "password_reset_done", "password_reset_confirm", "password_reset_complete",
}
SAMPLE_ARGS = {"slug": "laichau", "int": "2022", "str": "x", "path": "x", "uuid": "00000000-0000-0000-0000-000000000000"}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name


def _sample_path(route: str) -> str | None:
    if route.startswith("^") or "(?P" in route:
        return None  # regex routes (admin internals, static) are covered by the admin's own login
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_ARGS.get(m.group(1) or "str", "x"), route)
    return "/" + path


def _protected_paths() -> list[str]:
    paths = []
    for route, name in _walk(get_resolver().url_patterns):
        if name in PUBLIC:
            continue
        path = _sample_path(route)
        if path:
            paths.append(path)
    return sorted(set(paths))


def test_it_sends_anonymous_users_to_login_from_every_page(client, core):
    paths = _protected_paths()
    assert "/" in paths and "/units/laichau/" in paths
    for path in paths:
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/login/" in response["Location"], path


def test_it_serves_the_login_page_to_anonymous_users(client):
    assert client.get(reverse("login")).status_code == 200


def test_it_refuses_staff_another_units_workspace(client_for, staff_laichau):
    client = client_for(staff_laichau)
    assert client.get(reverse("cum4:unit_detail", args=["laichau"])).status_code == 200
    assert client.get(reverse("cum4:unit_detail", args=["sonla"])).status_code == 403


def test_it_lets_the_2022_leads_leader_open_the_lead_pages_of_2022_only(client_for, lead_2022):
    client = client_for(lead_2022)
    assert client.get(reverse("cum4:cluster_year_lead", args=["cum-iv", 2022])).status_code == 200
    # Lạng Sơn is a plain member in 2023: the same person is refused that year.
    assert client.get(reverse("cum4:cluster_year_lead", args=["cum-iv", 2023])).status_code == 403


def test_it_lets_the_deputy_lead_act_for_the_lead(client_for, leader_laichau):
    response = client_for(leader_laichau).get(reverse("cum4:cluster_year_lead", args=["cum-iv", 2022]))
    assert response.status_code == 200


def test_it_refuses_the_lead_pages_to_staff_of_the_lead_unit(client_for, core):
    staff = User.objects.get(username="langson.staff")
    response = client_for(staff).get(reverse("cum4:cluster_year_lead", args=["cum-iv", 2022]))
    assert response.status_code == 403


def test_it_lets_the_secretariat_and_viewer_read_a_cluster_year(client_for, secretariat, viewer):
    url = reverse("cum4:cluster_year_detail", args=["cum-iv", 2022])
    assert client_for(secretariat).get(url).status_code == 200
    assert client_for(viewer).get(url).status_code == 200
    lead_url = reverse("cum4:cluster_year_lead", args=["cum-iv", 2022])
    assert client_for(viewer).get(lead_url).status_code == 403


def test_it_shows_each_role_its_own_home(client_for, staff_laichau, secretariat, viewer):
    assert "Thanh tra tỉnh Lai Châu" in client_for(staff_laichau).get("/").content.decode()
    assert reverse("admin:cum4_unit_changelist") in client_for(secretariat).get("/").content.decode()
    assert "Cụm thi đua số IV" in client_for(viewer).get("/").content.decode()


def test_it_shows_the_lead_a_link_to_the_clusters_lead_pages_from_home(client_for, core):

    lead_2026 = User.objects.get(username="caobang.leader")
    with time_machine.travel("2026-11-28 09:00 +0700", tick=False):
        body = client_for(lead_2026).get("/").content.decode()
    assert reverse("cum4:cluster_year_lead", args=["cum-iv", 2026]) in body


def test_a_page_reads_the_units_cluster_roles_once(client_for, lead_2022):
    """Membership and lead checks answer from one query of the unit's roles per request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(lead_2022)
    url = reverse("reports:grid_year", args=["cum-iv", 2022])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # The unit's roles (every permission check) and the grid's rows: nothing else.
    memberships = [q["sql"] for q in queries.captured_queries if 'FROM "cum4_membership"' in q["sql"]]
    assert len(memberships) == 2, memberships
