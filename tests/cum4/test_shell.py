from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_shows_the_login_page_in_vietnamese(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()


def test_it_shows_unit_staff_the_home_page_of_their_unit(client_for, staff_laichau):
    response = client_for(staff_laichau).get(reverse("cum4:home"))
    assert response.status_code == 200
    assert "Thanh tra tỉnh Lai Châu" in response.content.decode()


def test_it_reads_a_unit_users_unit_with_the_user(client_for, staff_laichau):
    """The menu shows the unit on every page: it comes in the user's query, not its own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(staff_laichau)
    client.get(reverse("password_change"))
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("password_change")).content.decode()
    assert "Thanh tra tỉnh Lai Châu" in html
    tables = [q["sql"].split(" FROM ", 1)[1].split()[0] for q in queries.captured_queries]
    assert tables == ['"django_session"', '"cum4_user"'], tables
