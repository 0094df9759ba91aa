"""Whole pages served again per database snapshot (cum4.page_cache).

The pages are served from the cache only outside a transaction that has written, so these
tests commit their data (transactional tests) and run on PostgreSQL, the production database.
A commit in any database of the server moves the snapshot (the other test processes' and
autoanalyze's too), so what must happen while nothing commits is run until nothing did.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

import pytest
import time_machine
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from cum4.models import Cluster, User
from cum4.page_cache import read_snapshot
from tests.exports.conftest import seed_2022  # noqa: F401  (the 2022 seed year, approved)

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a snapshot is PostgreSQL's"
)
pytestmark = pytest.mark.django_db(transaction=True)

DASHBOARD = "/clusters/cum-iv/2022/dashboard/"
PAGES = [DASHBOARD, "/reports/status/cum-iv/2022/", "/emulation/scoring/cum-iv/2022/ranking/"]
T = TypeVar("T")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def _get(client: Client, url: str) -> tuple[str, list[str]]:
    """The page's HTML and the SQL it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def _heading(html: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


def _without_tokens(html: str) -> str:
    return TOKEN.sub("", html)


def _while_nothing_commits(action: Callable[[], T]) -> T:
    """`action()`'s result from a run during which the snapshot stayed the same, each run
    from an empty page cache (a failed run may have kept pages under the next run's snapshot)."""
    for _ in range(100):  # the other test processes end a transaction with every test
        caches["pages"].clear()
        before = read_snapshot()
        result = action()
        if read_snapshot() == before:
            return result
    pytest.fail("the database server never stayed still for two requests")


@on_postgresql
@pytest.mark.parametrize("url", PAGES)
def test_it_serves_the_page_again_with_three_queries_while_nothing_is_committed(
    url, seed_2022, client_for, secretariat  # noqa: F811
):
    client = client_for(secretariat)
    (first, rendering), (again, serving) = _while_nothing_commits(
        lambda: (_get(client, url), _get(client, url))
    )
    assert _without_tokens(again) == _without_tokens(first)
    assert len(serving) == 3, serving  # the snapshot, the session and the user
    assert "pg_current_snapshot" in serving[0]
    assert len(rendering) > len(serving)


@on_postgresql
def test_it_renders_afresh_after_any_commit_whichever_path_wrote_it(
    seed_2022, client_for, secretariat  # noqa: F811
):
    client = client_for(secretariat)
    assert "Cụm thi đua số IV —" in _heading(_get(client, DASHBOARD)[0])
    Cluster.objects.filter(code="cum-iv").update(name="Cụm thi đua IV")  # no save(), no signal
    assert "Cụm thi đua IV —" in _heading(_get(client, DASHBOARD)[0])
    with connection.cursor() as cursor:
        cursor.execute("UPDATE cum4_cluster SET name = %s WHERE code = 'cum-iv'", ["Cụm 4"])
    assert "Cụm 4 —" in _heading(_get(client, DASHBOARD)[0])
    User.objects.filter(pk=secretariat.pk).update(full_name="Nguyễn Văn Hoà")
    assert "Nguyễn Văn Hoà" in _get(client, DASHBOARD)[0].split('data-testid="user-menu"')[1][:80]


@on_postgresql
def test_each_role_unit_language_and_address_has_its_own_page(
    seed_2022, client_for, secretariat, lead_2022, staff_laichau  # noqa: F811
):
    grid = "/reports/status/cum-iv/2022/"
    of_secretariat, of_staff = client_for(secretariat), client_for(staff_laichau)
    everyone, own_row = _while_nothing_commits(
        lambda: (_get(of_secretariat, grid)[0], _get(of_staff, grid)[0])
    )
    assert own_row.count("data-unit=") == 1 < everyone.count("data-unit=")  # their row only
    assert str(secretariat) in everyone and str(staff_laichau) in own_row

    client = client_for(lead_2022)

    def three_pages() -> tuple[str, str, str]:
        client.cookies.pop("django_language", None)
        year, quarter = _get(client, DASHBOARD)[0], _get(client, DASHBOARD + "?period=q1")[0]
        client.cookies["django_language"] = "en"
        return year, quarter, _get(client, DASHBOARD)[0]

    year, quarter, english = _while_nothing_commits(three_pages)
    assert "Quý I" in _heading(quarter) and "Quý I" not in _heading(year)
    assert "Approved figures only" in english and "Approved figures only" not in year


@on_postgresql
def test_people_of_the_same_role_and_unit_share_a_page_each_with_their_own_name(
    seed_2022, client_for, staff_laichau, secretariat  # noqa: F811
):
    colleague = User.objects.create(
        username="laichau.staff2", full_name="Lò Thị <Mai>", role=User.Role.STAFF,
        unit=staff_laichau.unit,
    )
    secretary = User.objects.create(  # the secretariat's role without the admin's flags
        username="secretariat2", full_name="Thư ký thứ hai", role=User.Role.SECRETARIAT
    )
    clients = {user: client_for(user) for user in (staff_laichau, colleague, secretariat, secretary)}
    grid = "/reports/status/cum-iv/2022/"

    def of(user: User) -> tuple[str, list[str]]:
        return _get(clients[user], grid)

    (first, _), (second, shared) = _while_nothing_commits(lambda: (of(staff_laichau), of(colleague)))
    assert len(shared) == 3  # served again to the colleague, under their own name (escaped)
    assert 'data-testid="user-menu">Lò Thị &lt;Mai&gt;</a>' in second
    assert _without_tokens(second).replace("Lò Thị &lt;Mai&gt;", str(staff_laichau)) == (
        _without_tokens(first)
    )
    (admin, _), (plain, alone) = _while_nothing_commits(lambda: (of(secretariat), of(secretary)))
    assert len(alone) > 3  # an admin's page is the admin's alone
    assert "Quản trị" in admin and "Quản trị" not in plain
    unit_page = f"/units/{staff_laichau.unit.code}/dashboard/"  # its tasks are the person's
    _, (_, own) = _while_nothing_commits(
        lambda: (_get(clients[staff_laichau], unit_page), _get(clients[colleague], unit_page))
    )
    assert len(own) > 3


@on_postgresql
def test_a_page_served_again_carries_a_token_good_for_the_browser_that_asks(
    seed_2022, secretariat  # noqa: F811
):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(secretariat)
    second.force_login(secretariat)  # the same user in another browser: another CSRF secret
    html, queries = _while_nothing_commits(lambda: (_get(first, DASHBOARD), _get(second, DASHBOARD))[1])
    assert len(queries) == 3  # served again
    token = TOKEN.search(html).group(1)
    assert second.post("/accounts/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert second.get(DASHBOARD).status_code == 302  # logged out: to the login page


@on_postgresql
def test_a_request_with_messages_shows_them_and_is_not_kept(
    seed_2022, client_for, secretariat  # noqa: F811
):
    client = client_for(secretariat)
    storage = CookieStorage(RequestFactory().get("/"))

    def with_and_after_a_message() -> tuple[tuple[str, list[str]], tuple[str, list[str]]]:
        _get(client, DASHBOARD)
        client.cookies["messages"] = storage._encode([Message(messages.SUCCESS, "Đã lưu.")])
        return _get(client, DASHBOARD), _get(client, DASHBOARD)

    (shown, rendering), (after, serving) = _while_nothing_commits(with_and_after_a_message)
    assert "Đã lưu." in shown and len(rendering) > 3
    assert "Đã lưu." not in after and len(serving) == 3  # shown once; the page kept has none


@on_postgresql
def test_a_transaction_that_has_written_is_neither_served_nor_kept(
    seed_2022, client_for, secretariat  # noqa: F811
):
    client = client_for(secretariat)
    _get(client, DASHBOARD)
    with transaction.atomic():
        Cluster.objects.filter(code="cum-iv").update(name="Chưa lưu")
        assert read_snapshot() is None
        for _ in range(2):
            html, queries = _get(client, DASHBOARD)
            assert "Chưa lưu" in _heading(html) and len(queries) > 3
        transaction.set_rollback(True)
    (html, _rendering), (_again, serving) = _while_nothing_commits(
        lambda: (_get(client, DASHBOARD), _get(client, DASHBOARD))
    )
    assert "Chưa lưu" not in html and len(serving) == 3


@on_postgresql
def test_a_new_day_renders_afresh(seed_2022, client_for, secretariat):  # noqa: F811
    client = client_for(secretariat)
    grid = "/reports/status/cum-iv/2022/"

    def across_midnight() -> tuple[list[str], list[str]]:  # 4 minutes: within the bound
        with time_machine.travel("2026-11-28 23:58 +0700", tick=False):
            _get(client, grid)
            evening = _get(client, grid)[1]
        with time_machine.travel("2026-11-29 00:02 +0700", tick=False):
            return evening, _get(client, grid)[1]

    evening, morning = _while_nothing_commits(across_midnight)
    assert len(evening) == 3 < len(morning)


@on_postgresql
def test_it_is_off_with_page_cache_0(seed_2022, client_for, secretariat, settings):  # noqa: F811
    settings.PAGE_CACHE = False
    client = client_for(secretariat)
    queries = _while_nothing_commits(lambda: (_get(client, DASHBOARD), _get(client, DASHBOARD)))[1][1]
    assert len(queries) > 3 and not any("pg_current_snapshot" in sql for sql in queries)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the fallback of other databases")
def test_other_databases_render_every_request(seed_2022, client_for, secretariat):  # noqa: F811
    assert read_snapshot() is None
    client = client_for(secretariat)
    _get(client, DASHBOARD)
    queries = _get(client, DASHBOARD)[1]  # the view ran: it looked the cluster year up
    assert any(sql.startswith('SELECT "cum4_clusteryear"') for sql in queries), queries
