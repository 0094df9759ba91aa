"""A quarter in the browser: staff fill it, the leader submits, the lead returns it with a
reason, it is fixed and resubmitted, the lead approves it and the grid shows it approved."""

from __future__ import annotations

import re

import pytest

from cum4 import demo
from tests.reports.conftest import valid_values

pytestmark = pytest.mark.browser


@pytest.fixture
def core_live(transactional_db):
    demo.load_core()


def _fill_report(page, values: dict) -> None:
    for section, rows in values.items():
        for row, codes in rows.items():
            prefix = f"{section}-{row}" if row else section
            for code, value in codes.items():
                page.fill(f"input[name='{prefix}-{code}']", str(value))


def _switch_user(page, login, username: str) -> None:
    page.context.clear_cookies()
    login(username)


def test_it_takes_a_quarter_from_entry_to_approval(page, login, core_live):
    login("laichau.staff")
    page.goto("/reports/")
    page.click("[data-testid='open-2023-q2']")
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    report_url = page.url

    _fill_report(page, valid_values())
    # Derived figures follow the typing: 2 carried over + 10 started.
    assert page.text_content("[data-derived='insp_total']").strip() == "12"
    page.fill("input[name='A-insp_new']", "11")
    page.fill("input[name='A-insp_planned']", "8")
    assert page.text_content("[data-derived='insp_total']").strip() == "13"
    page.click("[data-testid='save']")
    page.wait_for_load_state("domcontentloaded")
    assert page.input_value("input[name='A-insp_new']") == "11"

    _switch_user(page, login, "laichau.leader")
    page.goto(report_url)
    page.click("[data-testid='submit']")
    page.wait_for_selector(".badge[data-state='submitted']")

    _switch_user(page, login, "laocai.leader")  # the 2023 cluster lead
    page.goto(report_url)
    page.fill("[data-testid='return-form'] textarea[name='reason']", "Mục B: số lượt tiếp chưa đúng.")
    page.click("[data-testid='return']")
    page.wait_for_selector(".badge[data-state='returned']")

    _switch_user(page, login, "laichau.staff")
    page.goto(report_url)
    assert "Mục B: số lượt tiếp chưa đúng." in page.text_content("[data-testid='return-reason']")
    page.fill("input[name='B-reception_turns']", "105")
    page.click("[data-testid='save']")
    page.wait_for_load_state("domcontentloaded")
    assert page.input_value("input[name='B-reception_turns']") == "105"

    _switch_user(page, login, "laichau.leader")
    page.goto(report_url)
    page.click("[data-testid='submit']")
    page.wait_for_selector(".badge[data-state='submitted']")

    _switch_user(page, login, "laocai.leader")
    page.goto(report_url)
    page.click("[data-testid='approve']")
    page.wait_for_selector(".badge[data-state='approved']")
    timeline = page.text_content("[data-testid='timeline']")
    assert "Mục B: số lượt tiếp chưa đúng." in timeline

    page.goto("/reports/status/cum-iv/2023/")
    cell = page.locator("tr[data-unit='laichau'] td[data-quarter='2']")
    assert cell.get_attribute("data-state") == "approved"
