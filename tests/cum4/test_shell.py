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
