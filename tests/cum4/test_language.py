"""Issue 15, item 4: Vietnamese whatever the browser asks; English only when the person picks
it, kept on their profile; the admin, import-export and Django's own messages in Vietnamese."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

EN_US = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def test_it_answers_an_english_browser_in_vietnamese(client_for, staff_laichau):
    html = client_for(staff_laichau).get(reverse("cum4:home"), **EN_US).content.decode()
    assert '<html lang="vi">' in html and "Đơn vị của tôi" in html


def test_it_keeps_english_on_the_profile_once_picked(client_for, staff_laichau):
    client = client_for(staff_laichau)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/reports/"})
    assert response.status_code == 302 and response["Location"] == "/reports/"
    staff_laichau.refresh_from_db()
    assert staff_laichau.language == "en"
    # another browser, another session, a Vietnamese Accept-Language: still English
    other = Client()
    other.force_login(staff_laichau)
    assert "My unit" in other.get(reverse("cum4:home"), HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert "Đơn vị của tôi" in other.get(reverse("cum4:home"), **EN_US).content.decode()


def test_it_refuses_an_unknown_language_and_an_outside_next(client_for, staff_laichau):
    client = client_for(staff_laichau)
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    staff_laichau.refresh_from_db()
    assert staff_laichau.language == "vi"


def test_the_admin_and_its_excel_import_speak_vietnamese(client_for, secretariat):
    client = client_for(secretariat)
    admin = client.get(reverse("admin:index"), **EN_US).content.decode()
    assert "Quản trị" in admin or "Trang chủ" in admin
    assert "Log out" not in admin
    imported = client.get(reverse("admin:cum4_user_import"), **EN_US).content.decode()
    assert "Tệp cần nhập" in imported and "Định dạng" in imported
    assert "File to import" not in imported
    users = client.get(reverse("admin:cum4_user_changelist"), **EN_US).content.decode()
    assert "chưa đăng nhập lần nào" in users


def test_the_password_rules_speak_vietnamese(client_for, staff_laichau):
    response = client_for(staff_laichau).post(
        reverse("password_change"),
        {"old_password": "cum4-demo-2022", "new_password1": "123", "new_password2": "123"},
        **EN_US,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This password is too short" not in html
    assert "quá ngắn" in html
