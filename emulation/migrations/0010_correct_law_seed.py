"""Correct the seeded emulation law where the texts contradict it, and mark what could not be
read in a text as "cần xác nhận" (needs_confirmation).

Sources read (2026-11-30; excerpts of public pages):
- Nghị định 91/2017/NĐ-CP, in force 01/10/2017: Bằng khen của Thủ tướng 3,5 × (plo.vn "Nhận Bằng
  khen của Thủ tướng được thưởng 4,5 triệu"); bằng khen bộ, ngành, tỉnh 1,0 ×; "Đối với tập thể,
  mức thưởng gấp hai lần mức thưởng đối với cá nhân" (plo.vn). Điều 10: không xét LĐTT đối với
  cá nhân mới tuyển dụng dưới 10 tháng; bị kỷ luật từ khiển trách trở lên (thuvienphapluat.vn,
  nld.com.vn); thời gian điều trị thương tích được tính (khoản 2, luatminhgia.com.vn).
- Luật Thi đua, khen thưởng 2003 (sửa đổi 2013): Điều 23 CSTĐCS = tiêu chuẩn LĐTT + sáng kiến
  được cơ sở công nhận hoặc đề tài nghiên cứu đã nghiệm thu; Điều 28 khoản 1 Tập thể LĐTT: hoàn
  thành tốt nhiệm vụ; phong trào thi đua; "trên 50%" cá nhân đạt LĐTT và không có cá nhân bị kỷ
  luật từ cảnh cáo trở lên; nội bộ đoàn kết (thiduakhenthuong.langson.gov.vn).
- Nghị định 98/2023/NĐ-CP: Điều 54 (titles) as seeded; Điều 55 khoản 2: huân chương tập thể gấp
  hai lần cá nhân (laodong.vn). The Bằng khen của Thủ tướng article was not read: cần xác nhận.
- Thông tư 01/2024/TT-BNV: không xét LĐTT đối với cá nhân mới tuyển dụng dưới 06 tháng
  (laodongthudo.vn, phapluatvacuocsong.vn; "điểm d khoản 5 Điều 1" per laodong.vn); thời gian
  điều trị thương tích và đào tạo ngắn hạn dưới 01 năm được tính.
- Nghị định 152/2025/NĐ-CP, in force 01/07/2025, Điều 54 khoản 1: Bằng khen của Thủ tướng 3,5 ×,
  bằng khen bộ, ban, ngành, tỉnh 1,5 × (giadinh.suckhoedoisong.vn). Collective: cần xác nhận.
- TT 08/2017/TT-BNV; Nghị định 98/2023/NĐ-CP Điều 4: chưa khen thưởng hoặc đề nghị khen thưởng
  khi có đơn thư khiếu nại, tố cáo đang được xác minh làm rõ (baomoi.com; bqllang.gov.vn).
"""

from __future__ import annotations

import datetime as D
from decimal import Decimal

from django.db import migrations

CONFIRM = "Cần xác nhận lại với văn bản gốc."
ND91 = D.date(2017, 7, 31)
ND98 = D.date(2024, 1, 1)
ND152 = D.date(2025, 7, 1)

# (code, era start, collective, multiplier, legal basis with article, confirmed?)
MULTIPLIERS = [
    ("bk_ttg", ND91, False, "3.5", "Nghị định 91/2017/NĐ-CP (Bằng khen của Thủ tướng: 3,5 lần)", True),
    ("bk_ttg", ND91, True, "7.0", "Nghị định 91/2017/NĐ-CP (tập thể gấp hai lần cá nhân)", True),
    ("bk_ttg", ND98, False, "3.5", "Nghị định 98/2023/NĐ-CP (Bằng khen của Thủ tướng)", False),
    ("bk_ttg", ND98, True, "7.0", "Nghị định 98/2023/NĐ-CP (Bằng khen của Thủ tướng, tập thể)", False),
    ("bk_ttg", ND152, False, "3.5", "Nghị định 152/2025/NĐ-CP Điều 54 khoản 1", True),
    ("bk_ttg", ND152, True, "7.0", "Nghị định 152/2025/NĐ-CP Điều 54 khoản 2", False),
    ("bk_ttcp", ND91, False, "1.0", "Nghị định 91/2017/NĐ-CP (bằng khen bộ, ngành, tỉnh: 1,0 lần)", True),
    ("bk_ttcp", ND91, True, "2.0", "Nghị định 91/2017/NĐ-CP (tập thể gấp hai lần cá nhân)", True),
    ("bk_tinh", ND91, False, "1.0", "Nghị định 91/2017/NĐ-CP (bằng khen bộ, ngành, tỉnh: 1,0 lần)", True),
    ("bk_tinh", ND91, True, "2.0", "Nghị định 91/2017/NĐ-CP (tập thể gấp hai lần cá nhân)", True),
    ("bk_ttcp", ND152, False, "1.5", "Nghị định 152/2025/NĐ-CP Điều 54 khoản 1", True),
    ("bk_tinh", ND152, False, "1.5", "Nghị định 152/2025/NĐ-CP Điều 54 khoản 1", True),
    ("huan_chuong_ld3", ND98, False, "4.5", "Nghị định 98/2023/NĐ-CP Điều 55 khoản 1 điểm h", True),
    ("huan_chuong_ld3", ND98, True, "9.0", "Nghị định 98/2023/NĐ-CP Điều 55 khoản 2", True),
    ("huan_chuong_ld2", ND98, False, "7.5", "Nghị định 98/2023/NĐ-CP Điều 55 khoản 1 điểm g", True),
    ("huan_chuong_ld2", ND98, True, "15.0", "Nghị định 98/2023/NĐ-CP Điều 55 khoản 2", True),
]
TITLE_CODES = ("cstd_toanquoc", "cstd_bo", "cstdcs", "ldtt", "tt_ldxs", "tt_ldtt", "co_chinhphu",
               "co_ttcp")

TT_LDTT_MANUAL_2003 = (
    "Hoàn thành tốt nhiệm vụ và kế hoạch được giao\n"
    "Có phong trào thi đua thường xuyên, thiết thực, có hiệu quả\n"
    "Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước"
)
TT_LDTT_MANUAL_2022 = (
    "Hoàn thành tốt nhiệm vụ được giao\n"
    "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả\n"
    "Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước"
)
TT_LDXS_MANUAL = (
    "Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ, thực hiện tốt các nghĩa vụ đối với "
    "Nhà nước\n"
    "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả\n"
    "Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của "
    "Nhà nước; tổ chức đảng, đoàn thể trong sạch, vững mạnh"
)

# (code, era start) → fields to set on the seeded title rule.
RULES = {
    ("ldtt", ND91): {
        "min_months_worked": 10,
        "blocking_discipline": "reprimand",
        "counted_leave": "maternity,injury,training_short",
        "legal_basis": "Luật Thi đua, khen thưởng 2003 Điều 24; Nghị định 91/2017/NĐ-CP Điều 10",
        "note": "Không xét LĐTT: mới tuyển dụng dưới 10 tháng; bị kỷ luật từ khiển trách trở "
                "lên (Nghị định 91/2017/NĐ-CP Điều 10). Thời gian điều trị thương tích được "
                "tính (Điều 10 khoản 2); nghỉ thai sản, đào tạo ngắn hạn: khoản cần xác nhận.",
        "needs_confirmation": False,
    },
    ("ldtt", ND98): {
        "min_months_worked": 6,
        "blocking_discipline": "reprimand",
        "counted_leave": "maternity,injury,training_short",
        "legal_basis": "Luật Thi đua, khen thưởng 2022 Điều 24 khoản 1; Thông tư 01/2024/TT-BNV "
                       "(điểm d khoản 5 Điều 1)",
        "note": "Không xét LĐTT đối với cá nhân mới tuyển dụng dưới 06 tháng (Thông tư "
                "01/2024/TT-BNV). Điều trị thương tích, đào tạo dưới 01 năm được tính. Kỷ luật "
                "khiển trách và nghỉ thai sản: " + CONFIRM,
        "needs_confirmation": True,
    },
    ("cstdcs", ND91): {
        "min_rating": "",
        "requires_ldtt": True,
        "excellent_or_initiative": False,
        "initiative_level": "grassroots",
        "legal_basis": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) Điều 23; Nghị định "
                       "91/2017/NĐ-CP Điều 3",
        "note": "Đạt LĐTT và có sáng kiến được cơ sở công nhận hoặc đề tài nghiên cứu khoa học "
                "đã nghiệm thu được áp dụng.",
        "needs_confirmation": False,
    },
    ("cstdcs", ND98): {
        "min_rating": "",
        "requires_ldtt": True,
        "excellent_or_initiative": True,
        "legal_basis": "Luật Thi đua, khen thưởng 2022 Điều 23",
        "note": "Đạt LĐTT và hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến. " + CONFIRM,
        "needs_confirmation": True,
    },
    ("cstd_bo", ND91): {
        "legal_basis": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) Điều 22 (ba lần liên tục "
                       "đạt CSTĐCS)",
    },
    ("cstd_toanquoc", ND91): {
        "legal_basis": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) Điều 21 (hai lần liên tục "
                       "đạt CSTĐ cấp bộ, tỉnh)",
        "needs_confirmation": True,
    },
    ("cstd_bo", ND98): {"legal_basis": "Luật Thi đua, khen thưởng 2022 Điều 22",
                        "needs_confirmation": True},
    ("cstd_toanquoc", ND98): {"legal_basis": "Luật Thi đua, khen thưởng 2022 Điều 21",
                              "needs_confirmation": True},
    ("tt_ldtt", ND91): {
        "members_ldtt_comparator": "gt",
        "members_ldtt_percent": Decimal("50"),
        "blocking_discipline": "warning",
        "manual_conditions": TT_LDTT_MANUAL_2003,
        "legal_basis": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) Điều 28 khoản 1",
        "note": "Điểm c: có trên 50% cá nhân đạt LĐTT và không có cá nhân bị kỷ luật từ hình thức "
                "cảnh cáo trở lên; điểm a, b, d: xác nhận bằng tay.",
        "needs_confirmation": False,
    },
    ("tt_ldtt", ND98): {
        "members_ldtt_comparator": "gte",
        "members_ldtt_percent": Decimal("70"),
        "manual_conditions": TT_LDTT_MANUAL_2022,
        "legal_basis": "Luật Thi đua, khen thưởng 2022 Điều 28",
        "note": "Có ít nhất 70% cá nhân đạt LĐTT. " + CONFIRM,
        "needs_confirmation": True,
    },
    ("tt_ldxs", ND91): {
        "members_ldtt_comparator": "gte",
        "manual_conditions": TT_LDXS_MANUAL,
        "legal_basis": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2013) Điều 27",
        "note": CONFIRM,
        "needs_confirmation": True,
    },
    ("tt_ldxs", ND98): {
        "members_ldtt_comparator": "gte",
        "manual_conditions": TT_LDXS_MANUAL,
        "legal_basis": "Luật Thi đua, khen thưởng 2022 Điều 27",
        "note": CONFIRM,
        "needs_confirmation": True,
    },
}

HOLD_RULES = [
    (D.date(2017, 12, 15), D.date(2023, 12, 31),
     "Thông tư 08/2017/TT-BNV (hướng dẫn Nghị định 91/2017/NĐ-CP)", True),
    (ND98, D.date(2025, 6, 30), "Nghị định 98/2023/NĐ-CP Điều 4", True),
    (ND152, None, "Nghị định 152/2025/NĐ-CP Điều 4", True),
]
HOLD_NOTE = (
    "Chưa khen thưởng hoặc đề nghị cấp trên khen thưởng tập thể, cá nhân có đơn thư khiếu nại, "
    "tố cáo đang được xác minh làm rõ. Khoản cụ thể: cần xác nhận."
)


def forward(apps, schema_editor):
    RewardMultiplier = apps.get_model("emulation", "RewardMultiplier")
    TitleRule = apps.get_model("emulation", "TitleRule")
    BaseSalary = apps.get_model("emulation", "BaseSalary")
    CycleDeadline = apps.get_model("emulation", "CycleDeadline")
    ComplaintHoldRule = apps.get_model("emulation", "ComplaintHoldRule")

    # Every multiplier whose note said "cần xác nhận" carries the flag; then the corrections.
    for row in RewardMultiplier.objects.all():
        row.needs_confirmation = CONFIRM in row.note
        if row.valid_from == ND91:
            row.note = (row.note + " Nghị định 91/2017/NĐ-CP có hiệu lực từ 01/10/2017; các "
                        "quyết định trước ngày đó theo Nghị định 42/2010/NĐ-CP.").strip()
        if row.award_id in TITLE_CODES:
            # ND 98/2023 Điều 54 (thuvienphapluat, vietjack); the same values under ND 91/2017
            # (sonoivu.namdinh.gov.vn table of 2023), whose article was not read.
            row.needs_confirmation = row.valid_from == ND91
            if row.valid_from == ND98:
                row.legal_basis = "Nghị định 98/2023/NĐ-CP Điều 54"
        row.save()
    for code, start, collective, value, basis, confirmed in MULTIPLIERS:
        row = RewardMultiplier.objects.filter(
            award_id=code, collective=collective, valid_from=start
        ).first()
        if row is None:
            continue
        row.multiplier = Decimal(value)
        row.legal_basis = basis
        row.needs_confirmation = not confirmed
        row.note = (
            "Tiền thưởng sau khi nhân hệ số với mức lương cơ sở được làm tròn lên hàng chục "
            "nghìn đồng." + ("" if confirmed else " " + CONFIRM)
        )
        row.save()
    for (code, start), fields in RULES.items():
        for rule in TitleRule.objects.filter(
            award_id=code, valid_from=start, max_share_of_ldtt__isnull=True
        ):
            for name, value in fields.items():
                setattr(rule, name, value)
            rule.save()
    TitleRule.objects.filter(note__contains=CONFIRM).update(needs_confirmation=True)
    for row in BaseSalary.objects.all():
        row.legal_basis = {
            1_490_000: "Nghị định 38/2019/NĐ-CP Điều 3 khoản 2",
            1_800_000: "Nghị định 24/2023/NĐ-CP Điều 3 khoản 2",
            2_340_000: "Nghị định 73/2024/NĐ-CP Điều 3 khoản 2",
        }.get(row.amount, row.legal_basis)
        row.needs_confirmation = row.amount != 2_340_000  # only ND 73/2024's clause was read
        row.save()
    CycleDeadline.objects.filter(note__contains=CONFIRM).update(needs_confirmation=True)
    for start, end, basis, confirm in HOLD_RULES:
        ComplaintHoldRule.objects.get_or_create(
            valid_from=start,
            defaults={"valid_to": end, "legal_basis": basis, "note": HOLD_NOTE,
                      "needs_confirmation": confirm},
        )


class Migration(migrations.Migration):
    dependencies = [("emulation", "0009_law_rules_deadlines_leave")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
