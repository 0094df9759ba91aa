"""The xlsx and docx formats of cluster_report, on approved reports in the database."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest

from cum4.registry import registry
from cum4.reports.models import QuarterlyReport
from cum4.reports.selectors import cluster_report_data


def _render(fmt: str, cluster_year, period: str = "year") -> tuple[dict, bytes]:
    data = cluster_report_data(cluster_year=cluster_year, period=period)
    buffer = io.BytesIO()
    registry.report_formats[fmt](data=data, cluster_year=cluster_year, period=period, output=buffer)
    return data, buffer.getvalue()


@pytest.mark.django_db
def test_it_writes_a_workbook_whose_totals_equal_the_json_report(seed_2022):
    data, content = _render("xlsx", seed_2022)
    assert data["totals"]["insp_total"] == 1902
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    cells = {row[1].value: row[4].value for row in sheet.iter_rows(min_row=5) if row[1].value}
    for code, expected in data["totals"].items():
        if expected is None:
            assert cells[code] == "–", code
        elif code.endswith("_rate"):
            assert round(cells[code] * 100, 2) == pytest.approx(expected), code
        else:
            assert cells[code] == expected, code
    assert "Cụm thi đua số IV" in sheet["A1"].value


@pytest.mark.django_db
def test_it_leaves_unapproved_reports_out_of_the_workbook(seed_2022):
    QuarterlyReport.objects.filter(unit__code="sonla", quarter=1).update(
        state=QuarterlyReport.State.SUBMITTED
    )
    data, content = _render("xlsx", seed_2022)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    cells = {row[1].value: row[4].value for row in sheet.iter_rows(min_row=5) if row[1].value}
    assert cells["subjects_inspected"] == data["totals"]["subjects_inspected"] < 7539


@pytest.mark.django_db
def test_it_writes_the_word_report_with_the_lead_as_issuing_body(seed_2022):
    _data, content = _render("docx", seed_2022)
    document = docx.Document(io.BytesIO(content))
    heading = document.tables[0].rows[0].cells
    assert "THANH TRA TỈNH LẠNG SƠN" in heading[0].text
    assert "CỤM THI ĐUA SỐ IV" in heading[0].text
    assert heading[1].text.count("Lạng Sơn, ngày") == 1
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Trong năm 2022, Thanh tra các tỉnh Cụm thi đua số IV" in text
    for figure in ("1.902", "7.539", "89,72%", "10.565", "11.377", "14.204", "11.301", "88,4%"):
        assert figure in text, figure
