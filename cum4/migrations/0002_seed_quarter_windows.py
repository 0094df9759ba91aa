"""Seed the reporting windows of indicators.md (TT 06/2025/TT-TTCP, Art. 7) as dated rule rows.

The earlier circular had the same windows; both are recorded so each year names its basis.
A year uses the rows in force on its 1 January.
"""

import datetime as dt

from django.db import migrations

# quarter: (start month, start day, starts in previous year, end month, end day,
#           unit deadline month, day, cluster deadline month, day)
WINDOWS = {
    1: (12, 15, True, 3, 14, 3, 17, 3, 20),
    2: (3, 15, False, 6, 14, 6, 17, 6, 20),
    3: (6, 15, False, 9, 14, 9, 17, 9, 20),
    4: (9, 15, False, 12, 14, 12, 17, 12, 20),
}
BASES = [
    (
        dt.date(2021, 1, 1),
        dt.date(2025, 6, 30),
        "Thông tư 02/2021/TT-TTCP (chế độ báo cáo công tác thanh tra)",
        "Cửa sổ số liệu như Thông tư 06/2025/TT-TTCP; ngày hiệu lực ghi theo năm áp dụng.",
    ),
    (
        dt.date(2025, 7, 1),
        None,
        "Thông tư 06/2025/TT-TTCP, Điều 7",
        "Ngày hiệu lực cần đối chiếu văn bản; năm báo cáo dùng quy định có hiệu lực ngày 01/01.",
    ),
]


def forward(apps, schema_editor):
    QuarterWindow = apps.get_model("cum4", "QuarterWindow")
    for valid_from, valid_to, basis, note in BASES:
        for quarter, w in WINDOWS.items():
            QuarterWindow.objects.update_or_create(
                quarter=quarter,
                valid_from=valid_from,
                defaults=dict(
                    valid_to=valid_to,
                    legal_basis=basis,
                    note=note,
                    start_month=w[0],
                    start_day=w[1],
                    start_in_previous_year=w[2],
                    end_month=w[3],
                    end_day=w[4],
                    unit_deadline_month=w[5],
                    unit_deadline_day=w[6],
                    cluster_deadline_month=w[7],
                    cluster_deadline_day=w[8],
                ),
            )


class Migration(migrations.Migration):
    dependencies = [("cum4", "0001_initial")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
