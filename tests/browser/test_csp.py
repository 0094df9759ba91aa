"""The Content-Security-Policy in the browser: inline script and style are refused, and the
pages' own behaviour (language switch, dashboard selects, charts) works without them."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_refuses_an_inline_style_and_reports_it_to_the_test(page, login, core, csp_violations):
    login("laichau.staff")
    page.evaluate("document.body.setAttribute('style', 'background: red')")
    page.wait_for_timeout(200)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 0, 0)"
    assert any("style-src" in v for v in csp_violations)
    csp_violations.clear()  # the check of the page fixture would fail this test otherwise


def test_it_switches_the_cluster_dashboard_year_and_keeps_the_period(page, login, core):
    login("secretariat")
    page.goto("/clusters/cum-iv/2023/dashboard/?period=6m")
    with page.expect_navigation():
        page.select_option("[data-testid=year-select]", label="2022")
    assert page.url.endswith("/clusters/cum-iv/2022/dashboard/?period=6m")
    with page.expect_navigation():
        page.select_option("#id_period", "q3")
    assert "period=q3" in page.url
