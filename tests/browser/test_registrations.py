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
