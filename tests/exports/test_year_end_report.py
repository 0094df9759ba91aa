"""The year-end Word report (issue 6 item 5): administrative format, narrative from the data."""

from __future__ import annotations

import io

import docx
from docx.shared import Mm

from cum4.exports.common import short_unit_name
from cum4.exports.docx import year_end_report
from tests.exports.conftest import convert_with_libreoffice


def _document(data: dict) -> docx.document.Document:
    buffer = io.BytesIO()
    year_end_report(data=data, output=buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


def _text(document) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_it_writes_the_seed_figures_into_the_narrative(report_data):
    text = _text(_document(report_data))
    inspections = next(p for p in text.splitlines() if "1.902" in p)
    assert inspections.startswith("Trong năm 2022, Thanh tra các tỉnh")
    for figure in ("1.902 cuộc thanh tra", "7.539 cá nhân, tổ chức", "49.424 m²", "9.895 m²",
                   "100,35 tỷ đồng", "71,56 tỷ đồng", "64,20 tỷ đồng", "89,72%"):
        assert figure in inspections, figure
    reception = next(p for p in text.splitlines() if "10.565" in p)
    for figure in ("10.565 lượt", "11.377 công dân", "14.204 đơn", "11.301", "363", "321",
                   "88,4%"):
        assert figure in reception, figure
    sanctions = next(p for p in text.splitlines() if "1.510" in p)
    assert "36 tổ chức" in sanctions and "453 cá nhân" in sanctions


def test_it_follows_the_administrative_format(report_data):
    document = _document(report_data)
    section = document.sections[0]
    # Word stores twips: A4 within half a millimetre.
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= section.top_margin <= Mm(25)
    assert Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35)
    assert Mm(15) <= section.right_margin <= Mm(20)
    normal = document.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    heading = document.tables[0]
    right = heading.rows[0].cells[1].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "ngày … tháng … năm …" in right
    assert "CUM-IV" in heading.rows[0].cells[0].text


def test_it_names_the_issuing_body_place_and_date_when_given(report_data):
    report_data.update(
        cluster_name="Cụm thi đua số IV", issuing_body="Thanh tra tỉnh Lạng Sơn",
        place="Lạng Sơn", date="2022-11-16",
    )
    heading = _document(report_data).tables[0].rows[0].cells
    assert "THANH TRA TỈNH LẠNG SƠN" in heading[0].text
    assert "CỤM THI ĐUA SỐ IV" in heading[0].text
    assert "Lạng Sơn, ngày 16 tháng 11 năm 2022" in heading[1].text


def test_it_has_tables_per_unit_the_ranking_and_the_proposals(report_data):
    document = _document(report_data)
    tables = ["\n".join(cell.text for row in t.rows for cell in row.cells) for t in document.tables]
    inspections = next(t for t in tables if "Tỷ lệ thu hồi" in t)
    for entry in report_data["units"]:
        # The province under the column "Thanh tra tỉnh": the name on one line.
        assert short_unit_name(entry["name"]) in inspections
    assert "1.902" in inspections
    assert any("Lạng Sơn" in t and "96,50" in t for t in tables)
    text = _text(document)
    assert "Cờ thi đua của Thanh tra Chính phủ" in text


def test_it_leaves_out_ranking_and_proposals_when_there_are_none(report_data):
    del report_data["ranking"]
    del report_data["proposals"]
    text = _text(_document(report_data))
    assert "XẾP HẠNG" not in text
    assert "ĐỀ NGHỊ KHEN THƯỞNG" not in text


def test_it_converts_with_libreoffice(report_data, tmp_path):
    path = tmp_path / "bao-cao-2022.docx"
    with path.open("wb") as output:
        year_end_report(data=report_data, output=output)
    converted = convert_with_libreoffice(path, "txt:Text")
    text = converted.read_text(encoding="utf-8", errors="replace")
    assert "1.902" in text and "89,72%" in text


def test_it_opens_with_the_pledge_and_the_movements_when_there_are_some(report_data):
    report_data["pledge"] = {
        "signed_on": "2022-03-18", "host_unit": "langson", "document_number": "số 01/GƯTĐ",
        "theme": "Siết chặt kỷ cương, tăng cường hiệu quả công tác thanh tra",
        "targets": [{"title": "t1", "units_met": 7}, {"title": "t2", "units_met": 5}],
        "units": [],
    }
    report_data["movements"] = [
        {"name": "Cả nước chung tay vì người nghèo", "responses": 7, "amount_vnd": 120_000_000},
        {"name": "Cán bộ, công chức thi đua thực hiện văn hóa công sở", "responses": 7,
         "amount_vnd": None},
    ]
    text = _text(_document(report_data))
    assert "I. CÔNG TÁC THI ĐUA, GIAO ƯỚC THI ĐUA" in text
    assert "II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CÔNG TÁC THANH TRA" in text
    assert "Ngày 18/03/2022" in text and "gồm 2 chỉ tiêu; 1 chỉ tiêu" in text
    assert "“Cả nước chung tay vì người nghèo”" in text
    assert "120 triệu đồng" in text and ",00 " not in text


def test_it_numbers_the_parts_from_i_without_pledge_or_movements(report_data):
    text = _text(_document(report_data))
    assert "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CÔNG TÁC THANH TRA" in text
    assert "IV. ĐỀ NGHỊ KHEN THƯỞNG" in text
