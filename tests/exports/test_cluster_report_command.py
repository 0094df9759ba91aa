"""`manage.py cluster_report --format xlsx|docx --output FILE` after load_demo (the seed year)."""

from __future__ import annotations

import io
import json

import docx
import openpyxl
import pytest
from django.core.management import call_command

from tests.exports.conftest import UTF8_CSV, convert_with_libreoffice


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def _json(period: str = "year") -> dict:
    out = io.StringIO()
    call_command("cluster_report", year=2022, period=period, format="json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_it_writes_the_demo_workbook_with_the_json_totals(demo, tmp_path):
    data = _json()
    path = tmp_path / "cum-iv-2022.xlsx"
    call_command("cluster_report", year=2022, format="xlsx", output=str(path), stderr=io.StringIO())
    sheet = openpyxl.load_workbook(path).worksheets[0]
    cells = {row[1].value: row[4].value for row in sheet.iter_rows(min_row=5) if row[1].value}
    assert cells["insp_total"] == data["totals"]["insp_total"] == 1902
    for code, expected in data["totals"].items():
        if code.endswith("_rate"):
            assert round(cells[code] * 100, 2) == pytest.approx(expected), code
        else:
            assert cells[code] == expected, code
    assert "1902" in convert_with_libreoffice(path, UTF8_CSV).read_text("utf-8").replace(",", "")


@pytest.mark.django_db
def test_it_writes_the_demo_word_report_with_the_seed_narrative(demo, tmp_path):
    path = tmp_path / "cum-iv-2022.docx"
    call_command("cluster_report", year=2022, format="docx", output=str(path), stderr=io.StringIO())
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Trong năm 2022, Thanh tra các tỉnh Cụm thi đua số IV đã triển khai thực hiện 1.902" in text
    for figure in ("7.539 cá nhân, tổ chức", "49.424 m²", "9.895 m²", "(đạt 89,72% tỷ lệ thu hồi)",
                   "1.510 quyết định", "36 tổ chức, 453 cá nhân", "10.565 lượt", "11.377 công dân",
                   "14.204 đơn", "11.301 đơn", "363 vụ việc", "321 vụ việc", "(đạt 88,4%)"):
        assert figure in text, figure
    assert ". KẾT QUẢ XẾP HẠNG THI ĐUA" in text  # the demo's 2022 ranking is final
    # The demo's 2022 pledge and movements open the report, as in the seed article.
    assert "I. CÔNG TÁC THI ĐUA, GIAO ƯỚC THI ĐUA" in text
    assert "đã ký kết giao ước thi đua" in text
    converted = convert_with_libreoffice(path, "txt:Text")
    assert "1.902" in converted.read_text("utf-8", errors="replace")
