"""Issue 14 acceptance: the Word report and the workbook as a recipient prints them.

The 2022 report names the 2022 lead's head as signer, is dated in its own year, carries the
written sections and writes amounts as people do; a year with three approved quarters says
"9 tháng"; LibreOffice prints each document within a page bound, with no table row split and
the signature not alone on its page; the workbook's widest sheet prints at >= 60% on A4
landscape.
"""

from __future__ import annotations

import io
import re

import docx
import openpyxl
import pytest

from cum4.exports import verification
from cum4.registry import registry
from cum4.reports.models import QuarterlyReport
from cum4.reports.selectors import cluster_report_data
from cum4.yearend import demo as yearend_demo
from cum4.yearend.services import year_end_report_save
from tests.exports.conftest import libreoffice

ZERO_DECIMALS = re.compile(r"\d,00 (triệu|tỷ) đồng")


def _render(fmt: str, cluster_year, period: str = "year", **extra) -> bytes:
    data = cluster_report_data(cluster_year=cluster_year, period=period)
    data.update(extra)
    buffer = io.BytesIO()
    registry.report_formats[fmt](data=data, cluster_year=cluster_year, period=period, output=buffer)
    return buffer.getvalue()


def _all_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def report_2022(seed_2022):
    yearend_demo.load()
    return seed_2022


@pytest.mark.django_db
def test_it_names_the_2022_leads_head_as_signer_dated_in_2022(report_2022):
    document = docx.Document(io.BytesIO(_render("docx", report_2022)))
    left, right = document.tables[0].rows[0].cells
    assert "THANH TRA TỈNH LẠNG SƠN" in left.text and "Số: 25/BC-CTĐ" in left.text
    assert "Lạng Sơn, ngày 15 tháng 11 năm 2022" in right.text
    signature = document.tables[-1].rows[0].cells[1].text
    assert "CHÁNH THANH TRA TỈNH LẠNG SƠN" in signature
    assert yearend_demo.SIGNER_2022 in signature
    properties = document.core_properties
    assert properties.created.year == 2022
    assert properties.author.startswith("Thanh tra tỉnh Lạng Sơn")
    assert properties.language == "vi-VN"


@pytest.mark.django_db
def test_it_carries_the_assessment_limitations_lessons_and_direction(report_2022):
    text = _all_text(docx.Document(io.BytesIO(_render("docx", report_2022))))
    for heading in ("ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Hạn chế, nguyên nhân",
                    "3. Bài học kinh nghiệm", "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023",
                    "ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in text, heading
    assert "Thứ năm, đẩy mạnh công tác kiểm tra" in text
    assert "Một số đơn vị gửi báo cáo quý chậm" in text


@pytest.mark.django_db
def test_it_writes_no_zero_decimals_in_amounts(report_2022):
    text = _all_text(docx.Document(io.BytesIO(_render("docx", report_2022))))
    assert "tỷ đồng" in text
    assert not ZERO_DECIMALS.search(text), ZERO_DECIMALS.search(text)


@pytest.mark.django_db
def test_a_draft_is_not_dated_by_its_download(seed_2022):
    document = docx.Document(io.BytesIO(_render("docx", seed_2022)))
    left, right = document.tables[0].rows[0].cells
    assert "Số: …/BC-CTĐ" in left.text
    assert "Lạng Sơn, ngày … tháng … năm …" in right.text
    assert "(Nội dung do Trưởng cụm viết" in _all_text(document)


@pytest.mark.django_db
def test_a_year_with_three_approved_quarters_says_9_months(report_2022):
    QuarterlyReport.objects.filter(year=2022, quarter=4).update(
        state=QuarterlyReport.State.SUBMITTED, approved_at=None
    )
    document = docx.Document(io.BytesIO(_render("docx", report_2022)))
    text = _all_text(document)
    assert "Kết quả thực hiện nhiệm vụ 9 tháng đầu năm 2022" in text
    assert "Trong 9 tháng đầu năm 2022" in text
    assert "quý I, II, III năm 2022" in text
    assert "Kết quả thực hiện nhiệm vụ năm 2022" not in text
    sheet = openpyxl.load_workbook(io.BytesIO(_render("xlsx", report_2022))).worksheets[0]
    assert "9 tháng đầu năm 2022" in sheet["A1"].value
    assert "I, II, III" in sheet["A2"].value


@pytest.mark.django_db
def test_the_lead_edits_the_signer_and_the_report_follows(report_2022, lead_2022):
    year_end_report_save(
        cluster_year=report_2022, values={"signer_name": "Trần Thị Bình"}, by=lead_2022
    )
    document = docx.Document(io.BytesIO(_render("docx", report_2022)))
    assert "Trần Thị Bình" in document.tables[-1].rows[0].cells[1].text
    assert report_2022.year_end_report.history.count() == 2


@pytest.mark.django_db
def test_the_workbook_offers_money_in_millions_with_the_unit_on_each_sheet(report_2022):
    book = openpyxl.load_workbook(io.BytesIO(_render("xlsx", report_2022, money_unit="million")))
    totals = book.worksheets[0]
    rows = {row[1].value: row for row in totals.iter_rows(min_row=5) if row[1].value}
    assert rows["recovery_recommended_vnd"][3].value == "triệu đồng"
    assert rows["recovery_recommended_vnd"][4].value == pytest.approx(71_560)
    for sheet in book.worksheets:
        assert "triệu đồng" in sheet["A3"].value, sheet.title
        assert "Lập ngày" in sheet["A3"].value


@pytest.mark.django_db
def test_the_workbook_hides_every_code(report_2022):
    book = openpyxl.load_workbook(io.BytesIO(_render("xlsx", report_2022)))
    assert book.worksheets[0].column_dimensions["B"].hidden
    assert book["A. Thanh tra"].row_dimensions[6].hidden


@pytest.mark.django_db
def test_the_widest_sheet_prints_at_60_percent_or_more_on_a4_landscape(report_2022):
    book = openpyxl.load_workbook(io.BytesIO(_render("xlsx", report_2022)))
    widest = max(book.worksheets, key=lambda sheet: sheet.max_column)
    assert widest.title == "A. Thanh tra"
    assert widest.page_setup.orientation == "landscape" and widest.page_setup.paperSize == 9
    assert len(widest.print_area) >= 2  # split into print areas, not shrunk onto one page
    for sheet in book.worksheets:
        assert verification.sheet_print_scale(sheet) >= 60, sheet.title


def _needs_libreoffice():
    import os

    if libreoffice() is None:
        if os.environ.get("LIBREOFFICE_TESTS") == "1":
            pytest.fail("LIBREOFFICE_TESTS=1 but soffice/libreoffice is not on PATH")
        pytest.skip("LibreOffice is not installed")


@pytest.mark.django_db
def test_libreoffice_prints_the_report_within_bounds_with_no_split_row(report_2022, tmp_path):
    _needs_libreoffice()
    path = tmp_path / "bao-cao-2022.docx"
    path.write_bytes(_render("docx", report_2022))
    assert verification.rows_that_can_split(path) == []
    pdf = verification.to_pdf(path)
    assert 2 <= verification.page_count(pdf) <= 6
    assert not verification.closing_alone_on_last_page(pdf)
    assert yearend_demo.SIGNER_2022 in verification.page_texts(pdf)[-1]


@pytest.mark.django_db
def test_libreoffice_prints_the_workbook_a_page_per_print_area(report_2022, tmp_path):
    _needs_libreoffice()
    path = tmp_path / "cum-iv-2022.xlsx"
    path.write_bytes(_render("xlsx", report_2022))
    pages = verification.page_texts(verification.to_pdf(path))
    # Totals (3 pages), A in 3 parts, B, C, D in 2, E in 2: each part a whole page.
    assert 11 <= len(pages) <= 14
    parts = [page for page in pages if "Thanh tra, kiểm tra (phần" in page or
             "thanh tra, kiểm tra (phần" in page]
    assert len(parts) == 3
    for page in parts:
        assert "Thanh tra tỉnh Lạng Sơn" in page and "Toàn cụm" in page


@pytest.mark.django_db
def test_the_dashboard_download_takes_the_money_unit(report_2022, lead_2022, client_for):
    response = client_for(lead_2022).get("/clusters/cum-iv/2022/report.xlsx?money=million")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert "triệu đồng" in book.worksheets[0]["A3"].value
    default = client_for(lead_2022).get("/clusters/cum-iv/2022/report.xlsx")
    assert "đơn vị tiền: đồng" in openpyxl.load_workbook(io.BytesIO(default.content)).worksheets[0]["A3"].value
