"""Demo records of the staff register, 2022–2026 (idempotent: natural keys).

Every unit gets 8–15 people with yearly ratings; a few people are on a CSTĐCS streak (rated
excellent every year, with a province-wide initiative in 2023); Cao Bằng stays near 60% LĐTT.
Hà Giang's people move to Tuyên Quang when Hà Giang ceases on 01/07/2025, keeping one history.
The awards demo (`emulation.awards.demo`) grants titles and registers them on top of this.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from cum4 import demo
from cum4.models import Unit
from emulation.staff.models import (
    DisciplinaryMeasure,
    Initiative,
    PendingComplaint,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)

YEARS = (2022, 2023, 2024, 2025, 2026)
SIZES = {"laichau": 12, "langson": 14, "laocai": 15, "sonla": 13, "dienbien": 11,
         "hagiang": 9, "caobang": 10, "tuyenquang": 8}
LOW_LDTT_UNIT = "caobang"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Lò", "Lường", "Cầm", "Tòng",
          "Hà", "Nông", "Giàng", "Sùng", "Vàng", "Lý", "Bế", "Hứa", "Triệu"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Xuân", "A"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Hồng"]
GIVEN_M = ["Hùng", "Dũng", "Sơn", "Thắng", "Tuấn", "Páo", "Chính", "Bình", "Quân", "Long",
           "Khánh", "Cường", "Hải", "Phong"]
GIVEN_F = ["Lan", "Mai", "Hương", "Hoa", "Hạnh", "Nga", "Thủy", "Yến", "Dung", "Linh", "Trang"]
POSTS = [  # position, leadership level (the first posts of every unit)
    ("Chánh Thanh tra tỉnh", "department"),
    ("Phó Chánh Thanh tra tỉnh", "department"),
    ("Phó Chánh Thanh tra tỉnh", "department"),
    ("Trưởng phòng Nghiệp vụ 1", "division"),
    ("Phó Trưởng phòng Nghiệp vụ 2", "division"),
    ("Chánh Văn phòng", "division"),
]


@dataclass
class StaffDemo:
    """What the staff demo made: units by code, their people with a rating profile ("streak",
    "normal" or "low"), and every (person, year) rating."""

    units: dict[str, Unit]
    everyone: dict[str, list[tuple[StaffMember, str]]]
    ratings: dict[tuple[int, int], str]


def _name(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def _rating(rng: random.Random, profile: str) -> str:
    roll = rng.random()
    if profile == "streak":
        return "excellent"
    if roll < 0.15:
        return "excellent"
    return "good" if roll < 0.9 else "completed"


def _people(unit: Unit) -> list[tuple[StaffMember, str]]:
    """The unit's people with a rating profile ("streak", "normal" or "low")."""
    rng = random.Random(f"cum4-staff-{unit.code}")
    people = []
    for n in range(SIZES[unit.code]):
        code = f"{unit.code}-{n + 1:02d}"
        position, level = POSTS[n] if n < len(POSTS) else ("Thanh tra viên", "staff")
        member, _ = StaffMember.objects.update_or_create(
            code=code, defaults={"full_name": _name(rng), "birth_year": rng.randint(1968, 1996)}
        )
        start = dt.date(rng.randint(2008, 2021), rng.choice([1, 3, 7, 9]), 1)
        StaffAssignment.objects.update_or_create(
            staff_member=member, unit=unit, start=start,
            defaults={"position": position, "leadership_level": level},
        )
        profile = "low" if unit.code == LOW_LDTT_UNIT else "streak" if n in (4, 7) else "normal"
        people.append((member, profile))
    return people


def _merge_hagiang(people: list[tuple[StaffMember, str]], tuyenquang: Unit) -> None:
    """Hà Giang ceases on 30/06/2025: its people continue in Tuyên Quang from 01/07/2025."""
    merger = demo.MERGER_DATE
    for member, _profile in people:
        old = member.assignments.filter(unit__code="hagiang").order_by("-start").first()
        StaffAssignment.objects.filter(pk=old.pk).update(end=merger - dt.timedelta(days=1))
        StaffAssignment.objects.update_or_create(
            staff_member=member, unit=tuyenquang, start=merger,
            defaults={"position": old.position, "leadership_level": old.leadership_level},
        )


_UNIT_IN_YEAR: dict[tuple[int, int], Unit] = {}


def unit_in_year(member: StaffMember, year: int) -> Unit:
    """The unit a person belongs to at the end of a year (memoised: the loader asks often)."""
    key = (member.pk, year)
    if key not in _UNIT_IN_YEAR:
        end = dt.date(year, 12, 31)
        assignment = member.assignments.filter(start__lte=end).order_by("-start").first()
        _UNIT_IN_YEAR[key] = assignment.unit
    return _UNIT_IN_YEAR[key]


def load() -> StaffDemo:
    """The people of every unit (idempotent), with their ratings, initiatives, discipline and
    two pending complaints; what the awards demo builds on."""
    units = {u.code: u for u in Unit.objects.filter(code__in=SIZES)}
    everyone: dict[str, list[tuple[StaffMember, str]]] = {}
    for code in SIZES:
        everyone[code] = _people(units[code])
    _merge_hagiang(everyone["hagiang"], units["tuyenquang"])
    _UNIT_IN_YEAR.clear()

    ratings: dict[tuple[int, int], str] = {}
    for code, people in everyone.items():
        rng = random.Random(f"cum4-ratings-{code}")
        # The low unit: exactly 6 of 10 LĐTT every year (passes 50%, fails 70%).
        completed = {year: set(rng.sample(range(len(people)), 4)) for year in YEARS}
        for index, (member, profile) in enumerate(people):
            for year in YEARS:
                rating = _rating(rng, profile)
                if profile == "low":
                    rating = "completed" if index in completed[year] else "good"
                ratings[(member.pk, year)] = rating
                YearlyRating.objects.update_or_create(
                    staff_member=member, year=year,
                    defaults={"rating": rating, "unit": unit_in_year(member, year)},
                )
    # Initiatives: the streakers have one of province-wide effect in 2023.
    for code, people in everyone.items():
        for member, profile in people:
            if profile == "streak":
                Initiative.objects.update_or_create(
                    staff_member=member, year=2023,
                    title=f"Quy trình số hóa hồ sơ thanh tra tại {units[code].province}",
                    defaults={"level": "province",
                              "recognised_by": "Hội đồng sáng kiến cấp tỉnh"},
                )
    # Discipline: a reprimand (no effect on the unit's title) and a warning (blocks it).
    DisciplinaryMeasure.objects.update_or_create(
        staff_member=everyone["laocai"][9][0], year=2023, level="reprimand",
        defaults={"decision_ref": "12/QĐ-TTr", "reason": "Chậm nộp báo cáo"},
    )
    DisciplinaryMeasure.objects.update_or_create(
        staff_member=everyone["langson"][10][0], year=2025, level="warning",
        defaults={"decision_ref": "31/QĐ-TTr", "reason": "Vi phạm quy chế công vụ"},
    )
    _complaints(units, everyone)
    return StaffDemo(units, everyone, ratings)


def _complaints(units, everyone) -> None:
    PendingComplaint.objects.update_or_create(
        reference="DEMO-TC-2026-01",
        defaults={"kind": "denunciation", "unit": units["sonla"],
                  "staff_member": everyone["sonla"][8][0], "received_on": dt.date(2026, 9, 14),
                  "summary": "Đơn tố cáo về việc thực hiện nhiệm vụ thanh tra (đang xác minh)"},
    )
    PendingComplaint.objects.update_or_create(
        reference="DEMO-KN-2024-03",
        defaults={"kind": "complaint", "unit": units["dienbien"], "staff_member": None,
                  "received_on": dt.date(2024, 4, 2), "resolved_on": dt.date(2024, 7, 30),
                  "summary": "Khiếu nại kết luận thanh tra (đã giải quyết)"},
    )
