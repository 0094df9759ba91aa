"""The Nghị định 30/2020 Word writer (issue 14): header, date line, title, closing, properties."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.oxml.ns import qn

from cum4.exports import nd30
from cum4.exports.verification import rows_that_can_split


def _reopen(document) -> docx.document.Document:
    buffer = io.BytesIO()
    document.save(buffer)
    return docx.Document(io.BytesIO(buffer.getvalue()))


def _sample(**header) -> docx.document.Document:
    document = nd30.new_document(properties=nd30.Properties(
        title="Báo cáo tổng kết năm 2022", author="Thanh tra tỉnh Lạng Sơn",
        subject="Tổng kết", created=dt.datetime(2022, 11, 15, 8),
    ))
    nd30.header(document, nd30.Header(**{
        "parent_body": "Cụm thi đua số IV", "issuing_body": "Thanh tra tỉnh Lạng Sơn",
        "symbol": "BC-CTĐ", "place": "Lạng Sơn", **header,
    }))
    nd30.title(document, "Báo cáo", "Kết quả năm 2022")
    nd30.paragraph(document, "Nội dung.")
    nd30.table(document, ["STT", "Đơn vị", "Số"], [["1", "Lạng Sơn", "5"]], widths_mm=(10, 60, 30))
    nd30.closing(document, recipients=["- Như trên;", "- Lưu: VT."], signature=nd30.Signature(
        title="TRƯỞNG CỤM\nCHÁNH THANH TRA TỈNH LẠNG SƠN", name="Nguyễn Văn An",
    ))
    return _reopen(document)


def test_it_puts_a_leading_zero_only_on_days_1_to_9_and_months_1_and_2_nd30():
    assert nd30.date_line("Lạng Sơn", dt.date(2022, 3, 5)) == "Lạng Sơn, ngày 05 tháng 3 năm 2022"
    assert nd30.date_line("Lạng Sơn", dt.date(2022, 1, 20)) == "Lạng Sơn, ngày 20 tháng 01 năm 2022"
    assert nd30.date_line("Lạng Sơn", dt.date(2022, 2, 9)) == "Lạng Sơn, ngày 09 tháng 02 năm 2022"
    assert nd30.date_line("Lạng Sơn", dt.date(2022, 11, 16)) == "Lạng Sơn, ngày 16 tháng 11 năm 2022"


def test_it_leaves_number_and_date_as_dots_on_a_draft():
    assert nd30.date_line("", None) == "…, ngày … tháng … năm …"
    assert nd30.number_line(None, "BC-CTĐ") == "Số: …/BC-CTĐ"
    assert nd30.number_line("25", "BC-CTĐ") == "Số: 25/BC-CTĐ"


def test_it_writes_the_header_block_with_its_rules():
    document = _sample(number="25", date=dt.date(2022, 11, 15))
    left, right = document.tables[0].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "CỤM THI ĐUA SỐ IV", "THANH TRA TỈNH LẠNG SƠN", "Số: 25/BC-CTĐ"
    ]
    assert left.paragraphs[1].runs[0].bold
    texts = [p.text for p in right.paragraphs if p.text]
    assert texts == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Lạng Sơn, ngày 15 tháng 11 năm 2022"]
    # The rules: an empty paragraph with a bottom border right under the issuing body and
    # under the tiêu ngữ.
    for cell, after in ((left, 1), (right, 1)):
        rule = cell.paragraphs[after + 1]
        assert rule.text == ""
        assert rule._p.pPr.find(qn("w:pBdr")) is not None


def test_it_writes_the_title_in_capitals_with_its_rule():
    document = _sample()
    texts = [p.text for p in document.paragraphs]
    index = texts.index("BÁO CÁO")
    assert texts[index + 1] == "Kết quả năm 2022"
    assert document.paragraphs[index + 2]._p.pPr.find(qn("w:pBdr")) is not None


def test_it_closes_with_recipients_and_the_signers_title_and_name():
    document = _sample()
    left, right = document.tables[-1].rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:"
    assert "- Lưu: VT." in left.text
    lines = [p.text for p in right.paragraphs if p.text]
    assert lines == ["TRƯỞNG CỤM", "CHÁNH THANH TRA TỈNH LẠNG SƠN", "Nguyễn Văn An"]
    # The text before the closing is kept with it: the signature is never alone on a page.
    assert document.paragraphs[-1].paragraph_format.keep_with_next


def test_it_keeps_every_table_row_on_one_page_and_repeats_headers(tmp_path):
    path = tmp_path / "sample.docx"
    _sample().save(str(path))
    assert rows_that_can_split(path) == []
    header_row = docx.Document(str(path)).tables[1].rows[0]
    assert header_row._tr.trPr.find(qn("w:tblHeader")) is not None


def test_it_writes_the_document_properties_in_vietnamese():
    properties = _sample().core_properties
    assert properties.title == "Báo cáo tổng kết năm 2022"
    assert properties.author == "Thanh tra tỉnh Lạng Sơn"
    assert properties.language == "vi-VN"
    assert properties.created.year == 2022


def test_it_sets_the_decree_page_and_font():
    section = _sample().sections[0]
    assert section.different_first_page_header_footer  # page numbers from page 2
    assert section.left_margin >= docx.shared.Mm(30) and section.right_margin >= docx.shared.Mm(15)
