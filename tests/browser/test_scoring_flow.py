"""End to end: a unit self-scores, the lead reviews, units vote, the lead finalises and the
ranking shows the winner."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cum4.models import ClusterYear, Unit
from emulation.scoring.services.vote import ballot_cast
from tests.emulation.scoring_fixtures import leader_of, set_phase, set_scores, small_table

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHEET = "/emulation/scoring/cum-iv/2022/units/{}/"


def _switch(page, login, username: str) -> None:
    page.context.clear_cookies()  # log the previous persona out
    login(username)


def _save_sheet(page) -> None:
    with page.expect_navigation():
        page.click("[data-testid=save-sheet]")


def test_it_runs_a_year_from_self_scoring_to_the_ranking(page, login, core):
    cluster_year = ClusterYear.objects.get(year=2022)
    t = small_table(cluster_year)
    set_phase(cluster_year, "self")
    units = {u.code: u for u in Unit.objects.all()}
    # The other units' sheets, already reviewed (this test drives Lai Châu's).
    for code, points in [("sonla", 30), ("langson", 28), ("caobang", 20)]:
        set_scores(units[code], {t["a"]: points, t["c"]: points}, layer="review_score")

    # 1. Lai Châu self-scores, with running totals while typing.
    login("laichau.staff")
    page.goto(SHEET.format("laichau"))
    page.fill(f"input[name=self_{t['a'].pk}]", "38")
    page.fill(f"input[name=self_{t['b'].pk}]", "10")
    page.fill(f"input[name=self_{t['c'].pk}]", "45")
    page.fill(f"input[name=self_{t['b1'].pk}]", "4")
    page.locator(f"input[name=self_{t['b1'].pk}]").dispatch_event("change")
    expect(page.locator("[data-testid=live-totals]")).to_contain_text("97,00")
    _save_sheet(page)
    assert page.inner_text("[data-testid=total-self]") == "97,00"

    # 2. The lead opens the review and reviews Lai Châu's sheet.
    _switch(page, login, "langson.leader")
    page.goto("/emulation/scoring/cum-iv/2022/")
    page.select_option("[data-testid=phase-form] select[name=phase]", "review")
    with page.expect_navigation():
        page.click("[data-testid=phase-form] button")
    assert page.inner_text("[data-testid=phase]") == "thẩm định"
    page.goto(SHEET.format("laichau"))
    for code, review in [("a", "36"), ("b", "10"), ("c", "44"), ("b1", "4")]:
        page.fill(f"input[name=review_{t[code].pk}]", review)
    page.fill(f"input[name=agreed_{t['a'].pk}]", "37")
    _save_sheet(page)
    assert page.inner_text("[data-testid=total-agreed]") == "95,00"  # 37 + 10 + 44 + 4

    page.goto("/emulation/scoring/cum-iv/2022/")
    page.select_option("[data-testid=phase-form] select[name=phase]", "vote")
    with page.expect_navigation():
        page.click("[data-testid=phase-form] button")

    # 3. Units vote: two through the page, the others through the service.
    for voter in ("sonla.leader", "langson.leader"):
        _switch(page, login, voter)
        page.goto("/emulation/scoring/cum-iv/2022/vote/")
        page.get_by_label("Thanh tra tỉnh Lai Châu").check()
        with page.expect_navigation():
            page.click("[data-testid=ballot-form] button")
        assert "Lai Châu" in page.inner_text("[data-testid=own-ballot]")
    for code in ("laocai", "dienbien", "hagiang", "caobang"):
        ballot_cast(cluster_year=cluster_year, nominee=units["laichau"], by=leader_of(code))
    ballot_cast(cluster_year=cluster_year, nominee=units["sonla"], by=leader_of("laichau"))
    page.goto("/emulation/scoring/cum-iv/2022/vote/")
    assert page.locator("[data-testid=vote-results]").count() == 0  # secret while open

    # 4. The lead finalises; the ranking shows the winner.
    page.goto("/emulation/scoring/cum-iv/2022/finalise/")
    page.get_by_label("Thanh tra tỉnh Sơn La").check()
    page.check("input[name=confirm]")
    with page.expect_navigation():
        page.click("[data-testid=finalise-form] button")
    assert "/ranking/" in page.url
    assert "Thanh tra tỉnh Lai Châu" in page.inner_text("[data-testid=winner]")
    first = page.locator("[data-testid=ranking] tbody tr").first
    assert "Lai Châu" in first.inner_text() and "95,00" in first.inner_text()
    assert page.locator("[data-testid=proposals]").is_visible()
    assert page.evaluate("typeof Chart") == "function"
