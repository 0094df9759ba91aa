"""Playwright in Debian's Chromium against the live test server.

Browser tests run when /usr/bin/chromium exists; with BROWSER_TESTS=1 (CI) a missing browser is
a failure, not a skip. Playwright's own browser download is never used.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import browser_tests_required, chromium_path

# Playwright's sync API runs an event loop; Django must allow ORM calls from the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        if browser_tests_required():
            pytest.fail("BROWSER_TESTS=1 but Debian's chromium is not installed (apt-get install chromium).")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()


# Every Content-Security-Policy violation a page reports (the event and Chromium's console line).
_REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"""


@pytest.fixture
def csp_violations() -> list[str]:
    return []


@pytest.fixture
def page(browser, live_server, csp_violations):
    """A page whose test fails on any Content-Security-Policy violation."""
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    context.expose_function("__cspViolation", lambda text: csp_violations.append(text))
    context.add_init_script(_REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.on("console", lambda m: "Content Security Policy" in m.text and csp_violations.append(m.text))
    page.set_default_timeout(15_000)
    yield page
    page.wait_for_timeout(100)  # let the last reports arrive
    context.close()
    assert not csp_violations, f"Content-Security-Policy violations: {csp_violations}"


@pytest.fixture
def login(page):
    """Log in through the real login form."""
    from cum4.demo import DEMO_PASSWORD

    def do(username: str, password: str = DEMO_PASSWORD) -> None:
        page.goto("/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_load_state("domcontentloaded")

    return do
