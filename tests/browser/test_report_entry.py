"""The report form in the browser (issue 15 item 7): digits grouped as one types, the live
sums reading grouped numbers, unsaved input put back after a lost page, cleared by a save."""

from __future__ import annotations

import re

import pytest

from cum4 import demo

pytestmark = pytest.mark.browser


@pytest.fixture
def core_live(transactional_db):
    demo.load_core()


def test_it_groups_digits_and_keeps_unsaved_input_until_it_is_saved(page, login, core_live):
    login("laichau.staff")
    page.goto("/reports/")
    page.click("[data-testid='open-2023-q2']")
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    report_url = page.url

    page.locator("input[name='A-violation_vnd']").press_sequentially("1234567")
    assert page.input_value("input[name='A-violation_vnd']") == "1.234.567"
    page.fill("input[name='A-insp_carried_over']", "1.000")
    page.fill("input[name='A-insp_new']", "2")
    assert page.text_content("[data-derived='insp_total']").strip() == "1.002"

    # The page is lost before saving (an expired session sends the person to the login).
    page.goto(report_url)
    page.wait_for_selector("[data-testid='draft-notice']:not(.d-none)")
    assert page.input_value("input[name='A-violation_vnd']") == "1.234.567"
    assert page.input_value("input[name='A-insp_new']") == "2"

    page.click("[data-testid='save']")
    page.wait_for_load_state("domcontentloaded")
    assert page.input_value("input[name='A-violation_vnd']") == "1.234.567"
    assert page.locator(".alert-success").count() >= 1  # saved
    page.goto(report_url)
    assert "d-none" in page.locator("[data-testid='draft-notice']").get_attribute("class")
    drafts = page.evaluate("Object.keys(window.localStorage).filter(k => k.includes('draft'))")
    assert drafts == []  # the successful save cleared it
