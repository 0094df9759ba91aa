"""Cash rewards from the dated base salary and multipliers; pending complaints on record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from emulation.awards.models import RewardMultiplier
from emulation.awards.selectors import cash_reward
from emulation.staff.models import PendingComplaint, StaffMember
from emulation.staff.selectors import pending_complaints

pytestmark = pytest.mark.django_db


def test_it_prices_a_decision_of_2024_08_01_at_2_340_000_times_the_multiplier():
    multiplier = RewardMultiplier.objects.in_force_on(dt.date(2024, 8, 1)).get(
        award_id="cstd_bo", collective=False
    )
    assert multiplier.multiplier == Decimal("3.0")
    assert cash_reward(
        title_or_form_code="cstd_bo", decision_date=dt.date(2024, 8, 1), collective=False
    ) == 3 * 2_340_000
    assert cash_reward(
        title_or_form_code="tt_ldtt", decision_date=dt.date(2024, 8, 1), collective=True
    ) == 1_880_000  # 0,8 × 2.340.000 = 1.872.000, rounded up to tens of thousands


def test_it_uses_the_base_salary_in_force_on_the_decision_date():
    before = cash_reward(title_or_form_code="cstdcs", decision_date=dt.date(2024, 6, 30),
                         collective=False)
    after = cash_reward(title_or_form_code="cstdcs", decision_date=dt.date(2024, 7, 1),
                        collective=False)
    old = cash_reward(title_or_form_code="cstdcs", decision_date=dt.date(2022, 12, 1),
                      collective=False)
    assert (old, before, after) == (1_490_000, 1_800_000, 2_340_000)


def test_it_rounds_a_reward_up_to_tens_of_thousands():
    # 0,3 × 2.340.000 = 702.000 → 710.000
    assert cash_reward(
        title_or_form_code="ldtt", decision_date=dt.date(2024, 8, 1), collective=False
    ) == 710_000


def test_it_switches_multipliers_on_01_07_2025():
    # Bằng khen của Chủ tịch UBND tỉnh, individual: 1,0 (ND 98/2023, cần xác nhận) → 1,5
    # (ND 152/2025 Điều 54 khoản 1). The Bằng khen của Thủ tướng stays 3,5 / 7,0 (see
    # test_bk_ttg_cash_*): the old seed's 3,0 → 7,0 switch for it was wrong.
    day_before = cash_reward(title_or_form_code="bk_tinh", decision_date=dt.date(2025, 6, 30),
                             collective=False)
    day_of = cash_reward(title_or_form_code="bk_tinh", decision_date=dt.date(2025, 7, 1),
                         collective=False)
    assert day_before == 2_340_000
    assert day_of == 3_510_000


def test_it_gives_no_cash_for_an_award_without_a_multiplier():
    assert cash_reward(title_or_form_code="knc", decision_date=dt.date(2024, 8, 1),
                       collective=False) == 0


def test_it_lists_complaints_pending_on_a_date(unit):
    laichau = unit("laichau")
    person = StaffMember.objects.create(code="lc-1", full_name="Nguyễn Văn A")
    against_unit = PendingComplaint.objects.create(
        kind="complaint", unit=laichau, received_on=dt.date(2024, 3, 1),
        resolved_on=dt.date(2024, 9, 1), summary="Khiếu nại kết luận thanh tra",
    )
    against_person = PendingComplaint.objects.create(
        kind="denunciation", unit=laichau, staff_member=person, received_on=dt.date(2024, 5, 1),
        summary="Tố cáo",
    )
    assert pending_complaints(unit=laichau, on=dt.date(2024, 2, 28)) == []
    assert pending_complaints(unit=laichau, on=dt.date(2024, 8, 31)) == [against_unit]
    assert pending_complaints(unit=laichau, on=dt.date(2024, 9, 1)) == []
    assert pending_complaints(staff_member=person, on=dt.date(2026, 1, 1)) == [against_person]
    assert pending_complaints(unit=laichau, staff_member=person, on=dt.date(2024, 6, 1)) == [
        against_unit, against_person
    ]
