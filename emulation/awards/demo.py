"""Demo records of awards, 2022–2026 (idempotent: natural keys), over the staff demo's people.

Titles of 2022–2025 are granted by yearly decisions (one person completes three CSTĐCS in
2024 and becomes CSTĐ cấp bộ; Cao Bằng passes the old 50% LĐTT rule until 2023 and fails the
70% rule from 2024); registrations exist for 2022–2026.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from cum4 import demo
from cum4.models import Unit, User
from emulation.awards.models import Decision, DecisionItem, Registration, RegistrationItem
from emulation.staff import demo as staff_demo
from emulation.staff.demo import LOW_LDTT_UNIT, YEARS, unit_in_year
from emulation.staff.models import DisciplinaryMeasure, StaffMember

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
DECIDED_YEARS = (2022, 2023, 2024, 2025)
UNIT_AUTHORITY = "Chánh Thanh tra tỉnh {province}"
TTCP = "Tổng Thanh tra Chính phủ"


def _decision(number: str, date: dt.date, authority: str, year: int, method: str = "regular",
              summary: str = "") -> Decision:
    decision, _ = Decision.objects.update_or_create(
        number=number, authority=authority,
        defaults={"date": date, "method": method, "year": year, "summary": summary},
    )
    return decision


def _grant(decision: Decision, award: str, unit: Unit, member: StaffMember | None = None):
    DecisionItem.objects.get_or_create(
        decision=decision, award_id=award, unit=unit, staff_member=member
    )


def load() -> None:
    people = staff_demo.load()
    _titles(people.units, people.everyone, people.ratings)
    _registrations(people.units, people.everyone)


def _titles(units, everyone, ratings) -> None:
    """Yearly title decisions of each unit, and the Inspector General's for the cluster."""
    for year in DECIDED_YEARS:
        threshold = 50 if year < 2024 else 70
        ttcp = _decision(f"{100 + year - 2022}/QĐ-TTCP", dt.date(year + 1, 2, 20), TTCP, year,
                         summary=f"Khen thưởng Cụm thi đua số IV năm {year}")
        for code, people in everyone.items():
            present = [(m, p) for m, p in people if unit_in_year(m, year).code == code]
            if not present:
                continue
            unit = units[code]
            decision = _decision(
                f"{year - 2000}/QĐ-TTr-{code}", dt.date(year + 1, 1, 12),
                UNIT_AUTHORITY.format(province=unit.province), year,
                summary=f"Công nhận danh hiệu thi đua năm {year}",
            )
            ldtt = 0
            for member, _profile in present:
                rating = ratings[(member.pk, year)]
                if rating in ("excellent", "good"):
                    ldtt += 1
                    _grant(decision, "ldtt", unit, member)
                if rating == "excellent":
                    _grant(decision, "cstdcs", unit, member)
            blocked = DisciplinaryMeasure.objects.filter(
                staff_member__in=[m for m, _p in present], year=year,
                level__in=["warning", "salary_downgrade", "demotion", "removal", "dismissal"],
            ).exists()
            if ldtt * 100 >= threshold * len(present) and not blocked:
                _grant(decision, "tt_ldtt", unit)
            if code == demo.LEADS[year][0]:
                _grant(ttcp, "co_ttcp", unit)
            elif code == demo.LEADS[year][1] and code != LOW_LDTT_UNIT:
                _grant(ttcp, "tt_ldxs", unit)
            # A Bằng khen of the Inspector General for the unit's head every other year.
            if (year + len(code)) % 2 == 0:
                _grant(ttcp, "bk_ttcp", unit, present[0][0])
    # Three consecutive CSTĐCS (2022–2024) and a province-wide initiative: CSTĐ cấp bộ 2024.
    bo = _decision("215/QĐ-TTCP", dt.date(2025, 3, 10), TTCP, 2024,
                   summary="Tặng danh hiệu Chiến sĩ thi đua ngành Thanh tra năm 2024")
    for code in ("laichau", "sonla"):
        member = everyone[code][4][0]
        _grant(bo, "cstd_bo", units[code], member)
    covid = _decision("389/QĐ-TTCP", dt.date(2022, 11, 15), TTCP, 2022, method="thematic",
                      summary="Khen thưởng chuyên đề phòng, chống dịch COVID-19")
    for code in ("laocai", "dienbien"):
        _grant(covid, "bk_ttcp", units[code], everyone[code][6][0])
        _grant(covid, "bk_ttcp", units[code])


def _registrations(units, everyone) -> None:
    leaders = {u.unit.code: u for u in User.objects.filter(role=User.Role.LEADER)}
    for year in YEARS:
        for code, people in everyone.items():
            present = [(m, p) for m, p in people if unit_in_year(m, year).code == code]
            if not present:
                continue
            unit = units[code]
            # Lai Châu has not signed 2026 yet; Điện Biên signed 2023 late. The lead accepted
            # the registrations of earlier years; those of 2026 wait for the review.
            state = Registration.State.ACCEPTED if year < 2026 else Registration.State.SUBMITTED
            if year == 2026 and code == "laichau":
                signed_at, signed_by, state = None, None, Registration.State.DRAFT
            else:
                day = 28 if (year, code) == (2023, "dienbien") else 10 + len(code)
                signed_at = dt.datetime(year, 3, day, 9, 0, tzinfo=TZ)
                signed_by = leaders.get(code)
            registration, _ = Registration.objects.update_or_create(
                unit=unit, year=year,
                defaults={"signed_at": signed_at, "signed_by": signed_by, "state": state},
            )
            collective = "tt_ldtt" if code == LOW_LDTT_UNIT else "tt_ldxs"
            RegistrationItem.objects.get_or_create(registration=registration,
                                                   award_id=collective, staff_member=None)
            for member, profile in present:
                RegistrationItem.objects.get_or_create(
                    registration=registration, award_id="ldtt", staff_member=member
                )
                if profile == "streak":
                    RegistrationItem.objects.get_or_create(
                        registration=registration, award_id="cstdcs", staff_member=member
                    )
