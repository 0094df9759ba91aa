"""In the browser: a unit answers a movement; the cluster lead judges a manual pledge target."""

from __future__ import annotations

import pytest

from emulation.movements import demo as demo_pledges
from emulation.movements.models import ManualJudgement, Movement, MovementResponse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_lets_unit_staff_record_their_response_to_a_movement(page, login, core):
    demo_pledges.load()
    movement = Movement.objects.get(name__startswith="Doanh nghiệp Việt Nam")
    login("sonla.staff")
    page.goto(f"/emulation/movements/{movement.pk}/")
    page.fill("textarea[name=activities]", "Hướng dẫn doanh nghiệp về phòng, chống tham nhũng")
    page.fill("input[name=amount_vnd]", "2500000")
    page.get_by_role("button", name="Lưu").first.click()
    page.wait_for_load_state("domcontentloaded")
    assert "Đã lưu kết quả hưởng ứng" in page.locator(".alert").inner_text()
    assert "2,50 triệu đồng" in page.locator("[data-testid=responses]").inner_text()
    saved = MovementResponse.objects.get(movement=movement, unit__code="sonla")
    assert saved.amount_vnd == 2_500_000


def test_it_lets_the_lead_judge_a_manual_target_from_the_pledge_page(page, login, core):
    demo_pledges.load()
    ManualJudgement.objects.filter(unit__code="hagiang").delete()
    login("langson.leader")
    page.goto("/emulation/cum-iv/2022/pledge/")
    row = page.locator("[data-testid=pledge-matrix] tr", has_text="Hà Giang")
    row.get_by_role("link", name="Đánh giá").last.click()
    page.select_option("select[name=status]", "not_met")
    page.fill("textarea[name=evidence]", "Có 01 công chức bị kỷ luật khiển trách.")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state("domcontentloaded")
    row = page.locator("[data-testid=pledge-matrix] tr", has_text="Hà Giang")
    assert "không đạt" in row.inner_text()
    assert ManualJudgement.objects.get(unit__code="hagiang").status == "not_met"
