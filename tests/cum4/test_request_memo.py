"""The dated rules a page reads several times are read once per request, and never kept
beyond it (issue 16 item 7)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cum4.models import QuarterWindow
from cum4.periods import periods_of_year

pytestmark = pytest.mark.django_db


def _window_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return sum('"cum4_quarterwindow"' in q["sql"] for q in queries.captured_queries)


def test_a_home_page_reads_the_quarter_windows_once(client_for, staff_laichau):
    client = client_for(staff_laichau)
    client.get("/")
    assert _window_queries(client) == 1


def test_an_edited_window_shows_on_the_next_request(client_for, staff_laichau):
    client = client_for(staff_laichau)
    client.get("/")
    year = 2023
    before = periods_of_year(year)["q2"].unit_deadline
    window = QuarterWindow.objects.in_force_on(before.replace(month=1, day=1)).get(quarter=2)
    QuarterWindow.objects.filter(pk=window.pk).update(unit_deadline_day=window.unit_deadline_day - 1)
    assert periods_of_year(year)["q2"].unit_deadline != before  # outside a request: read afresh
    assert _window_queries(client) == 1  # and each request reads it again
