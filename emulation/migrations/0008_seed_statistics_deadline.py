"""Seed the day of receipt of the yearly emulation statistics (Thông tư 02/2023/TT-BNV)."""

import datetime as dt

from django.db import migrations


def forward(apps, schema_editor):
    StatisticsDeadline = apps.get_model("emulation", "StatisticsDeadline")
    StatisticsDeadline.objects.get_or_create(
        valid_from=dt.date(2023, 5, 8),
        defaults={
            "due_month": 12,
            "due_day": 15,
            "reminder_days": 30,
            "receiver": "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)",
            "legal_basis": "Thông tư số 02/2023/TT-BNV của Bộ trưởng Bộ Nội vụ, biểu 0601.N–0603.N",
            "note": "Ngày hiệu lực và cơ quan nhận báo cáo cần đối chiếu với văn bản gốc.",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("emulation", "0007_pledge_files_statistics_deadline")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
