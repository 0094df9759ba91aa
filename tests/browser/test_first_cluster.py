"""Issue 15, acceptance: from an empty database, `createsuperuser --noinput`, then only the
pages: the set-up checklist, the units, the cluster, its year with the lead and deputy, the
accounts imported from Excel with their one-time links, and a unit's first approved quarter."""

from __future__ import annotations

import re

import openpyxl
import pytest
from django.core.management import call_command

from cum4.selectors import reporting_year_of
from tests.browser.test_report_workflow import _fill_report
from tests.reports.conftest import valid_values

pytestmark = pytest.mark.browser

ADMIN_PASSWORD = "Quan-tri-2026!"


def _save(page) -> None:
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")


def _step(page, key: str):
    return page.locator(f"[data-testid=setup-checklist] [data-step={key}]")


def _users_file(tmp_path) -> str:
    book = openpyxl.Workbook()
    book.active.append(["username", "full_name", "email", "role", "unit", "position", "is_active"])
    book.active.append(["a.leader", "Lãnh đạo A", "", "leader", "tinh-a", "Chánh Thanh tra", 1])
    book.active.append(["b.leader", "Lãnh đạo B", "b@example.vn", "leader", "tinh-b", "Chánh Thanh tra", 1])
    path = tmp_path / "nguoi-dung.xlsx"
    book.save(path)
    return str(path)


def _set_password(browser, live_server, link: str, password: str) -> None:
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.goto(link)
    page.fill("input[name=new_password1]", password)
    page.fill("input[name=new_password2]", password)
    page.click("[data-testid=set-password]")
    page.wait_for_url(re.compile(r"/accounts/reset/done/$"))
    page.goto(link)  # once only
    assert page.locator("[data-testid=invalid-link]").is_visible()
    context.close()


def test_it_sets_up_a_first_cluster_from_an_empty_database_to_an_approved_quarter(
    page, login, browser, live_server, transactional_db, monkeypatch, tmp_path
):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "quantri")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "quantri@example.vn")
    call_command("createsuperuser", interactive=False, verbosity=0)
    year = reporting_year_of()

    login("quantri", ADMIN_PASSWORD)
    assert page.locator("[data-testid=setup-checklist] [data-done='0']").count() == 4

    # 1. units
    _step(page, "units").locator("a").click()
    for code, name in (("tinh-a", "Thanh tra tỉnh A"), ("tinh-b", "Thanh tra tỉnh B")):
        page.click(".object-tools a.addlink")
        page.fill("input[name=code]", code)
        page.fill("input[name=name]", name)
        page.fill("input[name=province]", name.removeprefix("Thanh tra "))
        _save(page)
    page.goto("/")
    assert _step(page, "units").get_attribute("data-done") == "1"

    # 2. the cluster
    _step(page, "cluster").locator("a").click()
    page.click(".object-tools a.addlink")
    page.fill("input[name=code]", "cum-moi")
    page.fill("input[name=name]", "Cụm thi đua mới")
    page.fill("input[name=organiser]", "Thanh tra Chính phủ")
    _save(page)
    page.goto("/")

    # 3. the cluster year, its lead and deputy
    _step(page, "cluster_year").locator("a").click()
    page.select_option("select[name=cluster]", label="Cụm thi đua mới")
    page.fill("input[name=year]", str(year))
    _save(page)
    for unit, role in (("Thanh tra tỉnh A", "lead"), ("Thanh tra tỉnh B", "deputy")):
        page.goto("/admin/cum4/membership/add/")
        page.select_option("select[name=cluster_year]", label=f"Cụm thi đua mới — {year}")
        page.select_option("select[name=unit]", label=unit)
        page.select_option("select[name=role]", value=role)
        _save(page)
    page.goto("/")
    assert _step(page, "cluster_year").get_attribute("data-done") == "1"

    # 4. the accounts, from Excel, each with a one-time link
    _step(page, "accounts").locator("a").click()
    page.click(".object-tools a.import_link")
    page.set_input_files("input[name=import_file]", _users_file(tmp_path))
    page.select_option("select[name=format]", label="xlsx")
    page.click("form input[type=submit]")
    page.click("input[name=confirm], form[action$='process_import/'] input[type=submit]")
    page.wait_for_selector("[data-testid=password-links]")
    links = {
        row.get_attribute("data-username"): row.locator("[data-testid=link]").input_value()
        for row in page.locator("[data-testid=password-links] tr[data-username]").all()
    }
    assert set(links) == {"a.leader", "b.leader"}
    page.goto("/")
    assert page.locator("[data-testid=setup-checklist]").count() == 0  # all done

    _set_password(browser, live_server, links["a.leader"], "Lanh-dao-A-2026")
    _set_password(browser, live_server, links["b.leader"], "Lanh-dao-B-2026")

    # the deputy's unit enters and submits its first quarter
    page.context.clear_cookies()
    login("b.leader", "Lanh-dao-B-2026")
    page.goto("/reports/")
    page.click(f"[data-testid='open-{year}-q1']")
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    report_url = page.url
    _fill_report(page, valid_values())
    page.click("[data-testid='save']")
    page.wait_for_load_state("domcontentloaded")
    page.click("[data-testid='submit']")
    page.wait_for_selector(".badge[data-state='submitted']")

    # the lead finds it waiting on the home page, with a count in the menu, and approves it
    page.context.clear_cookies()
    login("a.leader", "Lanh-dao-A-2026")
    page.goto("/")
    assert page.text_content("[data-testid=review-count]").strip() == "1"
    page.click("[data-testid=review-queue] a")
    assert page.url == report_url
    page.click("[data-testid='approve']")
    page.wait_for_selector(".badge[data-state='approved']")
    page.goto("/reports/status/")
    cell = page.locator("tr[data-unit='tinh-b'] td[data-quarter='1']")
    assert cell.get_attribute("data-state") == "approved"
