"""A lost database connection: a read is run once more, anything else answers the Vietnamese
503 page, never a 500 (issue 16: PostgreSQL backends terminated mid-session)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.reports.conftest import make_report, valid_values

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="terminates PostgreSQL backends"
)
pytestmark = [pytest.mark.django_db(transaction=True), needs_postgresql]


def _terminate_own_backends() -> None:
    """What a restart or a failover of PostgreSQL does to the app's connections: ends them
    (from a second connection, as an administrator would)."""
    import psycopg2

    settings = connection.settings_dict
    pid = connection.connection.info.backend_pid
    admin = psycopg2.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"] or None,
        port=settings["PORT"] or None, password=settings["PASSWORD"] or None,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    admin.close()


@pytest.fixture
def staff_session(core, staff_laichau, unit):
    make_report(unit("laichau"), 2023, 1, "draft", valid_values())
    client = Client(raise_request_exception=False)
    client.force_login(staff_laichau)
    return client


def test_it_answers_a_read_after_the_backends_are_terminated_never_a_500(staff_session):
    report = staff_session.get(reverse("reports:list"))
    assert report.status_code == 200
    for url in (reverse("reports:list"), reverse("cum4:home"), reverse("reports:grid")):
        _terminate_own_backends()
        # The grid's address redirects to the latest year: followed, every answer is a page.
        response = staff_session.get(url, follow=True)
        assert response.status_code == 200, url  # run once more on a new connection


def test_it_answers_a_write_with_the_503_page_and_does_not_run_it_again(staff_session, staff_laichau):
    from cum4.reports.models import QuarterlyReport

    staff_session.get(reverse("reports:list"))
    report = QuarterlyReport.objects.get(unit=staff_laichau.unit, year=2023, quarter=1)
    _terminate_own_backends()
    response = staff_session.post(reverse("reports:open"), {"year": 2023, "quarter": 2})
    assert response.status_code == 503
    text = response.content.decode()
    assert "Mất kết nối tới cơ sở dữ liệu" in text
    assert "có thể chưa được lưu" in text
    assert not QuarterlyReport.objects.filter(unit=report.unit, year=2023, quarter=2).exists()
    assert staff_session.get(reverse("reports:list")).status_code == 200
