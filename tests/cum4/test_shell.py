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


def _menu(client) -> str:
    html = client.get(reverse("password_change")).content.decode()
    return html.split('<ul class="navbar-nav me-auto">', 1)[1].split('<ul class="navbar-nav">')[0]


def test_the_menu_shows_what_each_user_may_see_and_follows_a_change_at_once(
    client_for, staff_laichau, secretariat
):
    """The menu is rendered once per shape (cum4.templatetags.navigation): each user still
    gets their own, and a change of role, unit or staff flag shows on the next page."""
    staff, lead = client_for(staff_laichau), client_for(secretariat)
    staff_menu, lead_menu = _menu(staff), _menu(lead)
    my_unit = reverse("cum4:unit_detail", args=["laichau"])
    assert my_unit in staff_menu and my_unit not in lead_menu
    assert reverse("admin:index") not in staff_menu and reverse("admin:index") in lead_menu
    staff_laichau.is_staff = True
    staff_laichau.unit = secretariat.unit
    staff_laichau.role = secretariat.role
    staff_laichau.save()
    assert my_unit not in _menu(staff)
    assert reverse("admin:index") in _menu(staff)


def test_the_menu_follows_the_language(client_for, staff_laichau):
    client = client_for(staff_laichau)
    assert "Đơn vị của tôi" in _menu(client)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "My unit" in _menu(client)
