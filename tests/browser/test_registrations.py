"""In the browser: unit staff register titles, the leader signs, eligibility shows why."""

from __future__ import annotations

import datetime as dt

import pytest

from emulation.awards.models import Registration
from emulation.staff.models import StaffAssignment, StaffMember, YearlyRating

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_registers_a_title_for_a_person_and_the_leader_signs(page, login, core):
    from cum4.models import Unit

    laichau = Unit.objects.get(code="laichau")
    person = StaffMember.objects.create(code="lc-b1", full_name="Lò Thị Duyên")
    StaffAssignment.objects.create(staff_member=person, unit=laichau, position="Thanh tra viên",
                                   start=dt.date(2020, 1, 1))
    YearlyRating.objects.create(staff_member=person, year=2024, unit=laichau, rating="good")

    login("laichau.staff")
    page.goto("/emulation/units/laichau/registrations/2024/")
    page.select_option("select[name=award]", "ldtt")
    page.select_option("select[name=staff_member]", str(person.pk))
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    page.wait_for_load_state("domcontentloaded")
    row = page.locator("[data-testid=registration-items] tr", has_text="Lò Thị Duyên")
    assert "đạt" in row.inner_text()

    page.context.clear_cookies()
    login("laichau.leader")
    page.goto("/emulation/units/laichau/registrations/2024/")
    page.get_by_role("button", name="Ký bản đăng ký").click()
    page.wait_for_load_state("domcontentloaded")
    assert "đã ký" in page.locator("[data-testid=registration-state]").inner_text()
    assert Registration.objects.get(unit=laichau, year=2024).signed_by.username == "laichau.leader"
    # Signed in 2026 for 2024: long after 25/03/2024.
    assert "quá hạn" in page.locator("[data-testid=registration-state]").inner_text()


def test_the_lead_finds_a_signed_registration_on_the_home_and_returns_it(page, login, core):
    """2026: Cao Bằng leads. Lai Châu's leader signs; the lead sees it waiting with the menu
    count, opens it from the home page and returns it; the unit reads the reason."""
    from cum4.models import Unit
    from emulation.awards.models import Award
    from emulation.awards.services import registration_item_add

    laichau = Unit.objects.get(code="laichau")
    registration_item_add(unit=laichau, year=2026, award=Award.objects.get(code="tt_ldtt"),
                          by=None)
    url = "/emulation/units/laichau/registrations/2026/"

    login("laichau.leader")
    page.goto(url)
    page.click("[data-testid=sign]")
    page.wait_for_load_state("domcontentloaded")
    assert "chờ Trưởng cụm xét duyệt" in page.locator("[data-testid=registration-state]").inner_text()

    page.context.clear_cookies()
    login("caobang.leader")
    page.goto("/")
    assert page.text_content("[data-testid=review-count]").strip() == "1"
    group = page.locator("[data-testid=review-group]", has_text="Đăng ký chờ xét duyệt")
    group.locator("a").first.click()
    page.wait_for_url(f"**{url}")
    page.fill("textarea[name=reason]", "Bổ sung danh hiệu cá nhân")
    page.click("[data-testid=return]")
    page.wait_for_load_state("domcontentloaded")
    assert Registration.objects.get(unit=laichau, year=2026).state == "returned"

    page.context.clear_cookies()
    login("laichau.staff")
    page.goto(url)
    assert "Bổ sung danh hiệu cá nhân" in page.locator("[data-testid=return-reason]").inner_text()
