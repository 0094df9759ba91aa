"""Demo: the seed's 2022 movements with every unit's response, and the 2022 pledge.

Names and themes are the seed article's; document numbers, dates of the provinces' own
movements, activities and amounts are illustrative. Upserted by natural keys (idempotent).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from cum4.demo import CLUSTER_CODE, LEADS
from cum4.models import ClusterYear, Membership, Unit, User
from emulation.movements.models import (
    ManualJudgement,
    Movement,
    MovementResponse,
    MovementReview,
    Pledge,
    PledgeTarget,
)

YEAR = 2022
TTCP_THEME = (
    "Siết chặt kỷ cương, tăng cường hiệu quả công tác thanh tra, thích ứng an toàn trong tình hình mới"
)
L, K = Movement.LaunchedBy, Movement.Kind

# name, launched_by, launching unit, scope, kind, from, to, occasion, theme
MOVEMENTS: list[tuple] = [
    (
        "Phong trào thi đua năm 2022 của ngành Thanh tra",
        L.GOVERNMENT_INSPECTORATE, None, "ministry_province", K.REGULAR,
        dt.date(2022, 1, 1), dt.date(2022, 12, 31), "", TTCP_THEME,
    ),
    (
        "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        L.NATIONAL_CAMPAIGN, None, "national", K.THEMATIC,
        dt.date(2021, 1, 1), dt.date(2025, 12, 31), "", "Giảm nghèo bền vững giai đoạn 2021–2025",
    ),
    (
        "Doanh nghiệp Việt Nam hội nhập và phát triển",
        L.NATIONAL_CAMPAIGN, None, "national", K.THEMATIC,
        dt.date(2021, 1, 1), dt.date(2025, 12, 31), "", "",
    ),
    (
        "Cả nước đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch COVID-19",
        L.NATIONAL_CAMPAIGN, None, "national", K.THEMATIC,
        dt.date(2020, 4, 1), None, "", "",
    ),
    (
        "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        L.NATIONAL_CAMPAIGN, None, "national", K.THEMATIC,
        dt.date(2019, 1, 1), dt.date(2025, 12, 31), "", "",
    ),
    (
        "Thi đua lập thành tích chào mừng 77 năm Ngày truyền thống ngành Thanh tra",
        L.CLUSTER, None, "cluster", K.THEMATIC,
        dt.date(2022, 3, 25), dt.date(2022, 11, 23), "Ngày truyền thống ngành Thanh tra 23/11", "",
    ),
    (
        "Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế – xã hội tỉnh Sơn La năm 2022",
        L.PROVINCE, "sonla", "ministry_province", K.REGULAR,
        dt.date(2022, 1, 1), dt.date(2022, 12, 31), "", "",
    ),
    (
        "Phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế – xã hội tỉnh Lào Cai năm 2022",
        L.PROVINCE, "laocai", "ministry_province", K.REGULAR,
        dt.date(2022, 1, 1), dt.date(2022, 12, 31), "", "",
    ),
    (
        "Thi đua chào mừng 68 năm Chiến thắng Điện Biên Phủ (07/5/1954 – 07/5/2022)",
        L.UNIT, "dienbien", "unit", K.THEMATIC,
        dt.date(2022, 3, 1), dt.date(2022, 5, 7), "Kỷ niệm Chiến thắng Điện Biên Phủ", "",
    ),
    (
        "Thi đua chào mừng kỷ niệm 113 năm thành lập tỉnh Lai Châu (28/10/1909 – 28/10/2022)",
        L.UNIT, "laichau", "unit", K.THEMATIC,
        dt.date(2022, 6, 1), dt.date(2022, 10, 28), "Ngày thành lập tỉnh", "",
    ),
]

# movement index → (activities, results, amount in đồng by unit order)
RESPONSES: dict[int, tuple[str, str, list[int]]] = {
    0: (
        "Ban hành kế hoạch hưởng ứng, ký giao ước và đăng ký danh hiệu thi đua đầu năm.",
        "Hoàn thành kế hoạch thanh tra năm; kỷ cương hành chính được siết chặt.",
        [0] * 7,
    ),
    1: (
        "Ủng hộ Quỹ Vì người nghèo; thăm, tặng quà hộ nghèo tại xã đặc biệt khó khăn.",
        "Toàn thể công chức, người lao động tham gia ủng hộ.",
        [12_000_000, 15_000_000, 10_500_000, 14_000_000, 9_000_000, 11_000_000, 8_500_000],
    ),
    2: (
        "Tuyên truyền, hướng dẫn doanh nghiệp thực hiện pháp luật về thanh tra, PCTN.",
        "Không để xảy ra thanh tra, kiểm tra trùng lặp đối với doanh nghiệp.",
        [0] * 7,
    ),
    3: (
        "Ủng hộ Quỹ phòng, chống dịch COVID-19; thanh tra mua sắm trang thiết bị, vật tư y tế, "
        "sinh phẩm, Test Kit xét nghiệm.",
        "Kết thúc các cuộc thanh tra mua sắm phòng, chống dịch theo định hướng của Thanh tra Chính phủ.",
        [20_000_000, 18_000_000, 25_000_000, 16_000_000, 15_000_000, 17_000_000, 14_000_000],
    ),
    4: (
        "Thực hiện quy tắc ứng xử, nếp sống văn minh nơi công sở.",
        "Không có công chức vi phạm quy tắc ứng xử.",
        [0] * 7,
    ),
    5: (
        "Tổ chức các hoạt động chào mừng Ngày truyền thống ngành Thanh tra; hiến máu tình nguyện.",
        "Các đơn vị trong Cụm cùng hưởng ứng.",
        [3_000_000] * 7,
    ),
}
JUDGED = {
    # manual target position → units judged "met" (the others "not met" where listed)
    4: (["langson", "laichau", "laocai", "sonla", "dienbien", "hagiang", "caobang"], []),
    5: (["langson", "laichau", "sonla", "dienbien", "caobang"], ["hagiang"]),
}


def _movements(cluster_year: ClusterYear, units: dict[str, Unit], by: User) -> list[Movement]:
    created = []
    for name, launched_by, unit_code, scope, kind, start, end, occasion, theme in MOVEMENTS:
        movement, _ = Movement.objects.update_or_create(
            cluster_year=cluster_year,
            name=name,
            defaults={
                "launched_by": launched_by,
                "launching_unit": units.get(unit_code) if unit_code else None,
                "scope": scope,
                "kind": kind,
                "starts_on": start,
                "ends_on": end,
                "occasion": occasion,
                "theme": theme,
                "created_by": by,
            },
        )
        created.append(movement)
    return created


def _responses(movements: list[Movement], members: list[Unit]) -> None:
    for index, (activities, results, amounts) in RESPONSES.items():
        for unit, amount in zip(members, amounts, strict=True):
            MovementResponse.objects.update_or_create(
                movement=movements[index],
                unit=unit,
                defaults={"activities": activities, "results": results, "amount_vnd": amount},
            )
    # A unit's own movement is answered by that unit.
    for movement in movements:
        if movement.launched_by in (Movement.LaunchedBy.UNIT, Movement.LaunchedBy.PROVINCE):
            MovementResponse.objects.update_or_create(
                movement=movement,
                unit=movement.launching_unit,
                defaults={
                    "activities": "Phát động, xây dựng kế hoạch và tổ chức thực hiện trong đơn vị.",
                    "results": "100% công chức, người lao động hưởng ứng.",
                },
            )
    MovementReview.objects.update_or_create(
        movement=movements[0],
        kind=MovementReview.Kind.MID_YEAR,
        defaults={"held_on": dt.date(2022, 7, 15), "summary": "Sơ kết 6 tháng đầu năm 2022."},
    )
    MovementReview.objects.update_or_create(
        movement=movements[0],
        kind=MovementReview.Kind.YEAR_END,
        defaults={
            "held_on": dt.date(2022, 11, 16),
            "summary": "Tổng kết công tác thi đua, khen thưởng năm 2022 của Cụm thi đua số IV.",
        },
    )


TARGETS = [
    ("Tỷ lệ giải quyết đơn KNTC thuộc thẩm quyền đạt từ 85% trở lên", "resolution_rate", "ge", 85),
    ("Tỷ lệ thu hồi tiền về ngân sách nhà nước đạt từ 80% trở lên", "recovery_rate", "ge", 80),
    ("Tỷ lệ giải quyết KNTC đúng thời hạn đạt từ 95% trở lên", "on_time_rate", "ge", 95),
    ("Hưởng ứng đầy đủ các phong trào thi đua do Thanh tra Chính phủ, UBND tỉnh phát động", "", "", None),
    ("Không có công chức vi phạm kỷ luật từ mức khiển trách trở lên", "", "", None),
]


def _pledge(cluster_year: ClusterYear, units: dict[str, Unit], lead: User) -> None:
    pledge, _ = Pledge.objects.update_or_create(
        cluster_year=cluster_year,
        defaults={
            "signed_on": dt.date(2022, 3, 18),
            "host_unit": units[LEADS[YEAR][0]],
            "theme": TTCP_THEME,
            "document_number": "Giao ước thi đua Cụm thi đua số IV năm 2022 (bản mẫu)",
        },
    )
    targets = {}
    for position, (title, code, comparator, threshold) in enumerate(TARGETS, start=1):
        indicator = bool(code)
        targets[position], _ = PledgeTarget.objects.update_or_create(
            pledge=pledge,
            position=position,
            defaults={
                "title": title,
                "kind": PledgeTarget.Kind.INDICATOR if indicator else PledgeTarget.Kind.MANUAL,
                "indicator_code": code,
                "comparator": comparator,
                "threshold": Decimal(threshold) if indicator else None,
                "period": "year" if indicator else "",
            },
        )
    ManualJudgement.objects.filter(target__pledge=pledge).exclude(
        target__kind=PledgeTarget.Kind.MANUAL
    ).delete()
    for position, (met, not_met) in JUDGED.items():
        if targets[position].kind != PledgeTarget.Kind.MANUAL:
            raise ValueError(f"Demo target {position} is judged from figures, not by hand.")
        for codes, status, note in (
            (met, ManualJudgement.Status.MET, "Báo cáo tổng kết năm 2022 của đơn vị."),
            (not_met, ManualJudgement.Status.NOT_MET, "Có 01 công chức bị kỷ luật khiển trách."),
        ):
            for code in codes:
                ManualJudgement.objects.update_or_create(
                    target=targets[position],
                    unit=units[code],
                    defaults={"status": status, "evidence": note, "judged_by": lead},
                )


def load() -> None:
    cluster_year = ClusterYear.objects.get(cluster__code=CLUSTER_CODE, year=YEAR)
    units = {unit.code: unit for unit in Unit.objects.all()}
    members = [
        m.unit for m in Membership.objects.filter(cluster_year=cluster_year).select_related("unit")
    ]
    members.sort(key=lambda unit: unit.code)
    lead = User.objects.get(username=f"{LEADS[YEAR][0]}.leader")
    movements = _movements(cluster_year, units, lead)
    _responses(movements, members)
    _pledge(cluster_year, units, lead)
