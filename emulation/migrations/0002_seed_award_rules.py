"""Seed the titles and forms, the base salary, the reward multipliers, the title rules and the
deadlines of the cycle, each row with its legal basis. Values marked "cần xác nhận" in the note
are the best reading available when seeded: the secretariat confirms them in the admin."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import migrations

D = dt.date
CONFIRM = "Cần xác nhận lại với văn bản gốc."

# code, name, short name, category, subject, level, order
AWARDS = [
    ("ldtt", "Lao động tiên tiến", "LĐTT", "title", "individual", "grassroots", 10),
    ("cstdcs", "Chiến sĩ thi đua cơ sở", "CSTĐCS", "title", "individual", "grassroots", 20),
    ("cstd_bo", "Chiến sĩ thi đua cấp bộ, ngành, tỉnh", "CSTĐ cấp bộ, tỉnh", "title",
     "individual", "ministry", 30),
    ("cstd_toanquoc", "Chiến sĩ thi đua toàn quốc", "CSTĐ toàn quốc", "title", "individual",
     "state", 40),
    ("tt_ldtt", "Tập thể lao động tiên tiến", "Tập thể LĐTT", "title", "collective",
     "grassroots", 50),
    ("tt_ldxs", "Tập thể lao động xuất sắc", "Tập thể LĐXS", "title", "collective", "ministry",
     60),
    ("co_ttcp", "Cờ thi đua của Thanh tra Chính phủ", "Cờ thi đua TTCP", "title", "collective",
     "ministry", 70),
    ("co_chinhphu", "Cờ thi đua của Chính phủ", "Cờ thi đua Chính phủ", "title", "collective",
     "state", 80),
    ("giay_khen", "Giấy khen", "Giấy khen", "form", "both", "grassroots", 110),
    ("bk_ttcp", "Bằng khen của Tổng Thanh tra Chính phủ", "Bằng khen TTCP", "form", "both",
     "ministry", 120),
    ("bk_tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Bằng khen UBND tỉnh", "form",
     "both", "ministry", 125),
    ("knc", "Kỷ niệm chương \u201cVì sự nghiệp Thanh tra\u201d", "Kỷ niệm chương", "form",
     "individual", "ministry", 130),
    ("bk_ttg", "Bằng khen của Thủ tướng Chính phủ", "Bằng khen Thủ tướng", "form", "both",
     "state", 140),
    ("huan_chuong_ld3", "Huân chương Lao động hạng Ba", "Huân chương LĐ hạng Ba", "form", "both",
     "state", 150),
    ("huan_chuong_ld2", "Huân chương Lao động hạng Nhì", "Huân chương LĐ hạng Nhì", "form",
     "both", "state", 160),
    ("huan_chuong_ld1", "Huân chương Lao động hạng Nhất", "Huân chương LĐ hạng Nhất", "form",
     "both", "state", 170),
]

BASE_SALARIES = [
    (1_490_000, D(2019, 7, 1), D(2023, 6, 30), "Nghị định 38/2019/NĐ-CP"),
    (1_800_000, D(2023, 7, 1), D(2024, 6, 30), "Nghị định 24/2023/NĐ-CP"),
    (2_340_000, D(2024, 7, 1), None, "Nghị định 73/2024/NĐ-CP"),
]

ROUNDING_NOTE = (
    "Tiền thưởng sau khi nhân hệ số với mức lương cơ sở được làm tròn lên hàng chục nghìn đồng. "
)
# (code, individual multiplier or None, collective multiplier or None, confirmed?)
MULTIPLIERS_OLD = [
    ("cstd_toanquoc", "4.5", None, True),
    ("cstd_bo", "3.0", None, True),
    ("cstdcs", "1.0", None, True),
    ("ldtt", "0.3", None, True),
    ("tt_ldxs", None, "1.5", True),
    ("tt_ldtt", None, "0.8", True),
    ("co_chinhphu", None, "12.0", True),
    ("co_ttcp", None, "8.0", True),
    ("bk_ttg", "1.5", "3.0", False),
    ("bk_ttcp", "1.0", "2.0", False),
    ("bk_tinh", "1.0", "2.0", False),
    ("giay_khen", "0.3", "0.6", False),
    ("huan_chuong_ld3", "4.5", "9.0", False),
    ("huan_chuong_ld2", "7.5", "15.0", False),
    ("huan_chuong_ld1", "9.0", "18.0", False),
]
# Nghị định 152/2025/NĐ-CP: the collective values of the forms are from emulation.md; the
# individual ones are half of them (a collective receives twice an individual's reward), to confirm.
MULTIPLIERS_152 = [
    ("cstd_toanquoc", "4.5", None, True),
    ("cstd_bo", "3.0", None, True),
    ("cstdcs", "1.0", None, True),
    ("ldtt", "0.3", None, True),
    ("tt_ldxs", None, "1.5", True),
    ("tt_ldtt", None, "0.8", True),
    ("co_chinhphu", None, "12.0", True),
    ("co_ttcp", None, "8.0", True),
    ("bk_ttg", "3.5", "7.0", False),
    ("bk_ttcp", "1.5", "3.0", False),
    ("bk_tinh", "1.5", "3.0", False),
    ("giay_khen", "0.3", "0.6", False),
    ("huan_chuong_ld3", "4.5", "9.0", False),
    ("huan_chuong_ld2", "7.5", "15.0", False),
    ("huan_chuong_ld1", "9.0", "18.0", False),
]
MULTIPLIER_ERAS = [
    (MULTIPLIERS_OLD, D(2017, 7, 31), D(2023, 12, 31), "Nghị định 91/2017/NĐ-CP"),
    (MULTIPLIERS_OLD, D(2024, 1, 1), D(2025, 6, 30), "Nghị định 98/2023/NĐ-CP"),
    (MULTIPLIERS_152, D(2025, 7, 1), None, "Nghị định 152/2025/NĐ-CP"),
]

LAW_OLD = "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013); Nghị định 91/2017/NĐ-CP"
LAW_NEW = "Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP"
CO_TTCP_MANUAL = (
    "Đơn vị dẫn đầu Cụm thi đua, được các thành viên suy tôn (bỏ phiếu bình xét)\n"
    "Thông tư 03/2024/TT-TTCP: hồ sơ đề nghị gửi đúng hạn"
)
CO_CP_MANUAL = "Được lựa chọn trong số các tập thể tiêu biểu xuất sắc đã nhận Cờ thi đua cấp bộ"


def _rules(valid_from, valid_to, basis, ldtt_percent, percent_note):
    return [
        {"award_id": "ldtt", "min_rating": "good"},
        {"award_id": "cstdcs", "min_rating": "good", "excellent_or_initiative": True},
        {
            "award_id": "cstd_bo",
            "streak_award_id": "cstdcs",
            "streak_years": 3,
            "initiative_level": "province",
        },
        {
            "award_id": "cstd_toanquoc",
            "streak_award_id": "cstd_bo",
            "streak_years": 2,
            "initiative_level": "national",
        },
        {
            "award_id": "tt_ldtt",
            "members_ldtt_percent": Decimal(ldtt_percent),
            "blocking_discipline": "warning",
            "note": percent_note,
        },
        {
            "award_id": "tt_ldxs",
            "all_members_complete": True,
            "members_ldtt_percent": Decimal("70"),
            "min_cstdcs_members": 1,
            "blocking_discipline": "warning",
        },
        {"award_id": "co_ttcp", "manual_conditions": CO_TTCP_MANUAL},
        {"award_id": "co_chinhphu", "manual_conditions": CO_CP_MANUAL},
    ], valid_from, valid_to, basis


def forward(apps, schema_editor):
    Award = apps.get_model("emulation", "Award")
    BaseSalary = apps.get_model("emulation", "BaseSalary")
    RewardMultiplier = apps.get_model("emulation", "RewardMultiplier")
    TitleRule = apps.get_model("emulation", "TitleRule")
    CycleDeadline = apps.get_model("emulation", "CycleDeadline")

    for code, name, short, category, subject, level, order in AWARDS:
        Award.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short,
                "category": category,
                "subject": subject,
                "level": level,
                "sort_order": order,
            },
        )
    for amount, start, end, basis in BASE_SALARIES:
        BaseSalary.objects.update_or_create(
            valid_from=start, defaults={"amount": amount, "valid_to": end, "legal_basis": basis}
        )
    for table, start, end, basis in MULTIPLIER_ERAS:
        for code, individual, collective, confirmed in table:
            for is_collective, value in ((False, individual), (True, collective)):
                if value is None:
                    continue
                RewardMultiplier.objects.update_or_create(
                    award_id=code,
                    collective=is_collective,
                    valid_from=start,
                    defaults={
                        "multiplier": Decimal(value),
                        "valid_to": end,
                        "legal_basis": basis,
                        "round_up_to": 10_000,
                        "note": ROUNDING_NOTE + ("" if confirmed else CONFIRM),
                    },
                )
    eras = [
        _rules(D(2017, 7, 31), D(2023, 12, 31), LAW_OLD, "50",
               "Luật 2003 (sửa đổi 2013) Điều 28: trên 50% cá nhân đạt LĐTT. " + CONFIRM),
        _rules(D(2024, 1, 1), None, LAW_NEW, "70", ""),
    ]
    for rows, start, end, basis in eras:
        for row in rows:
            row = dict(row)
            note = row.pop("note", "")
            TitleRule.objects.get_or_create(
                award_id=row.pop("award_id"),
                valid_from=start,
                max_share_of_ldtt=None,
                defaults={**row, "valid_to": end, "legal_basis": basis, "note": note},
            )
    # The old cap, expired with the 2022 law: kept as an optional rule a cluster may switch on.
    TitleRule.objects.get_or_create(
        award_id="cstdcs",
        valid_from=D(2017, 7, 31),
        max_share_of_ldtt=Decimal("15"),
        defaults={
            "enabled": False,
            "legal_basis": "Nghị định 91/2017/NĐ-CP (tỷ lệ CSTĐCS không quá 15% số LĐTT)",
            "note": "Hết hiệu lực từ 01/01/2024 (Luật 06/2022/QH15); quy tắc tùy chọn, mặc định tắt.",
        },
    )
    for kind, month, day, basis in (
        ("registration", 3, 25, "Hướng dẫn công tác thi đua, khen thưởng ngành Thanh tra"),
        ("cluster_dossier", 12, 20, "Thông tư 03/2024/TT-TTCP"),
        ("unit_dossier", 12, 25, "Thông tư 03/2024/TT-TTCP"),
    ):
        CycleDeadline.objects.get_or_create(
            kind=kind,
            valid_from=D(2017, 1, 1),
            defaults={"month": month, "day": day, "legal_basis": basis, "note": CONFIRM},
        )


class Migration(migrations.Migration):
    dependencies = [("emulation", "0001_staff_awards")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
