from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_logs_unit_staff_in_to_the_vietnamese_home_of_their_unit(page, login, core):
    login("laichau.staff")
    assert page.locator("h1").inner_text() == "Thanh tra tỉnh Lai Châu"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("link", name="Đơn vị của tôi").is_visible()
    assert "Các kỳ báo cáo" in page.content()


def test_it_keeps_a_wrong_password_on_the_login_page_with_a_vietnamese_message(page, login, core):
    login("laichau.staff", "wrong-password")
    assert "/accounts/login/" in page.url
    assert "mật khẩu chính xác" in page.locator(".alert-danger").inner_text()
    assert page.input_value("input[name=username]") == "laichau.staff"


def test_it_switches_the_interface_to_english_and_back(page, login, core):
    login("laichau.staff")
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.get_by_role("link", name="My unit").is_visible()
    with page.expect_navigation():
        page.select_option("select[name=language]", "vi")
    assert page.get_by_role("link", name="Đơn vị của tôi").is_visible()
