"""Seed the dated rules of scoring: the nomination vote threshold, the window for complaints
about results and the year-end dossier deadline. Editable in the admin afterwards."""

import datetime as dt
from decimal import Decimal

from django.db import migrations

VOTE_RULES = [
    # valid_from, valid_to, threshold, legal basis, note
    (
        dt.date(2017, 7, 31),
        dt.date(2023, 12, 31),
        Decimal("80"),
        "Nghị định 91/2017/NĐ-CP (hội đồng thi đua, khen thưởng bỏ phiếu kín)",
        "Ngưỡng 80% tổng số thành viên áp dụng theo thực tiễn bình xét Cờ thi đua; cần đối chiếu.",
    ),
    (
        dt.date(2024, 1, 1),
        dt.date(2025, 6, 30),
        Decimal("80"),
        "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7",
        "Cờ thi đua: từ 80% trở lên tổng số thành viên đồng ý.",
    ),
    (
        dt.date(2025, 7, 1),
        None,
        Decimal("80"),
        "Nghị định 152/2025/NĐ-CP",
        "Giữ ngưỡng 80% như Nghị định 98/2023; cần đối chiếu với Nghị định 152/2025.",
    ),
]


def forward(apps, schema_editor):
    vote_rule = apps.get_model("emulation", "NominationVoteRule")
    for valid_from, valid_to, threshold, basis, note in VOTE_RULES:
        vote_rule.objects.get_or_create(
            valid_from=valid_from,
            defaults={
                "valid_to": valid_to,
                "threshold_percent": threshold,
                "allow_self_vote": False,
                "legal_basis": basis,
                "note": note,
            },
        )
    apps.get_model("emulation", "ResultComplaintRule").objects.get_or_create(
        valid_from=dt.date(2017, 1, 1),
        defaults={
            "days": 10,
            "legal_basis": "Quy chế hoạt động của Cụm thi đua (bản mẫu, cụm tự quy định)",
            "note": "Số ngày kể từ khi công bố kết quả chấm điểm, xếp hạng.",
        },
    )
    apps.get_model("emulation", "DossierDeadlineRule").objects.get_or_create(
        valid_from=dt.date(2017, 1, 1),
        defaults={
            "month": 12,
            "day": 20,
            "legal_basis": "Hướng dẫn công tác thi đua, khen thưởng hằng năm của Thanh tra Chính phủ",
            "note": "Hồ sơ đề nghị khen thưởng của cụm gửi Thanh tra Chính phủ trước ngày 20/12.",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("emulation", "0003_scoring")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
