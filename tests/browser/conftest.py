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


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


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
