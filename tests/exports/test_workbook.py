"""The cluster workbook (issue 6 item 3): opens, totals equal the JSON, formats, print setup."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl

from cum4.exports.verification import sheet_print_scale
from cum4.exports.xlsx import cluster_workbook
from tests.exports.conftest import UTF8_CSV, convert_with_libreoffice


def _book(data: dict) -> openpyxl.Workbook:
    buffer = io.BytesIO()
    cluster_workbook(data=data, output=buffer)
    return openpyxl.load_workbook(io.BytesIO(buffer.getvalue()))


def _totals_by_code(book: openpyxl.Workbook) -> dict:
    sheet = book.worksheets[0]
    return {
        row[1].value: row[4]
        for row in sheet.iter_rows(min_row=5)
        if isinstance(row[1].value, str) and row[1].value.islower()
    }


def test_it_writes_totals_equal_to_the_json_report(report_data):
    cells = _totals_by_code(_book(report_data))
    assert set(cells) == set(report_data["totals"])
    for code, expected in report_data["totals"].items():
        cell = cells[code]
        if code.endswith("_rate"):
            assert cell.number_format == "0.00%"
            assert round(Decimal(str(cell.value)) * 100, 2) == Decimal(expected), code
        else:
            assert cell.value == expected, code
            assert cell.number_format == "#,##0"
    assert cells["insp_total"].value == 1902
    assert cells["subjects_inspected"].value == 7539


def test_it_has_a_sheet_per_section_with_a_row_per_unit_and_the_cluster_total(report_data):
    book = _book(report_data)
    assert book.sheetnames[1:6] == [
        "A. Thanh tra", "B. Tiếp công dân", "C. Xử lý đơn", "D. Giải quyết KNTC", "E. PCTN"
    ]
    sheet = book["A. Thanh tra"]
    codes = [cell.value for cell in sheet[6]]
    column = codes.index("subjects_inspected")
    names = [sheet.cell(row=row, column=2).value for row in range(7, 7 + 8)]
    assert names[:7] == [entry["name"] for entry in report_data["units"]]
    values = [sheet.cell(row=row, column=column + 1).value for row in range(7, 14)]
    assert values == [e["figures"]["subjects_inspected"] for e in report_data["units"]]
    assert sheet.cell(row=14, column=column + 1).value == 7539
    assert sheet.freeze_panes == "C7"
    assert sheet.print_title_rows == "$4:$6"


def test_it_sets_up_every_sheet_for_printing_on_a4_landscape(report_data):
    for sheet in _book(report_data).worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.paperSize == 9  # A4
        # Readable on paper (issue 14): one page wide, or split over pages at >= 60%.
        if sheet.sheet_properties.pageSetUpPr.fitToPage:
            assert sheet.page_setup.fitToWidth == 1
        assert sheet_print_scale(sheet) >= 60, sheet.title
        assert sheet.freeze_panes
        assert sheet.print_title_rows


def test_it_writes_vietnamese_headers_and_states_approved_only(report_data):
    book = _book(report_data)
    totals = book.worksheets[0]
    assert "phê duyệt" in totals["A2"].value
    headers = [cell.value for cell in totals[4]]
    assert "Chỉ tiêu" in headers
    section = book["D. Giải quyết KNTC"]
    assert "Đã giải quyết" in [cell.value for cell in section[4]]


def test_it_adds_the_ranking_sheet_only_when_there_is_a_ranking(report_data):
    book = _book(report_data)
    ranking = book.worksheets[-1]
    assert ranking.title == "Xếp hạng"
    assert ranking["C5"].value == "Thanh tra tỉnh Lạng Sơn"
    del report_data["ranking"]
    assert len(_book(report_data).worksheets) == 6


def test_it_converts_with_libreoffice(report_data, tmp_path):
    path = tmp_path / "cum-iv-2022.xlsx"
    with path.open("wb") as output:
        cluster_workbook(data=report_data, output=output)
    converted = convert_with_libreoffice(path, UTF8_CSV)
    text = converted.read_text(encoding="utf-8")
    assert "Tổng hợp" in text
    assert "1902" in text.replace(",", "").replace(".", "")
