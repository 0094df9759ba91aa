"""Word documents in the administrative format of Nghị định 30/2020/NĐ-CP (Phụ lục I).

One writer for every document the cluster files: the year-end report today, the dossier's
tờ trình, biên bản and báo cáo thành tích later. A document is written in four calls:

    document = nd30.new_document(properties=nd30.Properties(title=…, author=…, …))
    nd30.header(document, nd30.Header(parent_body=…, issuing_body=…, number=None,
                                      symbol="BC-CTĐ", place="Lạng Sơn", date=None))
    nd30.title(document, "BÁO CÁO", "Tổng kết công tác … năm 2022")
    … nd30.heading / nd30.paragraph / nd30.table for the body …
    nd30.closing(document, recipients=[…], signature=nd30.Signature(…))
    document.save(output)

The decree's A4 page and margins, Times New Roman 13–14 pt, page numbers from page 2, the
header's two columns with their rules, the title with its rule, "Nơi nhận" and the signature;
and, for paper: table rows never split, header rows repeated, the closing kept with the text.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from cum4.exports.docx_blocks import (  # noqa: F401  (the blocks are part of the writer's API)
    BODY_SIZE,
    FONT,
    TABLE_SIZE,
    cell_text,
    keep_row_together,
    line,
    repeat_header,
    rule,
    set_widths,
)
from cum4.exports.docx_blocks import keep_last_paragraph_with_next as _keep_last_paragraph_with_next
from cum4.exports.docx_blocks import layout_table as _layout_table
from cum4.exports.docx_blocks import page_field as _page_field

# Text width of A4 less the margins below (210 − 30 − 15 mm).
TEXT_WIDTH_MM = 165
LEFT_COLUMN_MM = 62
RIGHT_COLUMN_MM = TEXT_WIDTH_MM - LEFT_COLUMN_MM
DRAFT = "…"


@dataclass(frozen=True)
class Header:
    """The header block (thể thức: cơ quan ban hành, số và ký hiệu, địa danh và ngày tháng).

    parent_body: the first line of the left column as the issuer writes it (tên cơ quan chủ
        quản, e.g. "CỤM THI ĐUA SỐ IV"); "" for none. Printed in capitals, not bold.
    issuing_body: the issuing body (e.g. "THANH TRA TỈNH LẠNG SƠN"), in bold capitals with a
        rule under it.
    number: the document number, None on a draft (printed "…").
    symbol: the ký hiệu after the slash, e.g. "BC-CTĐ" (printed "Số: …/BC-CTĐ").
    place: the địa danh (the province of the issuing body), "" → "…".
    date: the date of signature, None on a draft ("ngày … tháng … năm …").
    """

    issuing_body: str
    symbol: str
    parent_body: str = ""
    number: str | None = None
    place: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class Signature:
    """The signature block (quyền hạn, chức vụ, họ tên người ký).

    authority: "TM.", "KT.", "Q." … line above the title, "" for none (e.g. "TM. CỤM THI ĐUA").
    title: the signer's title in capitals; lines separated by "\\n"
        (e.g. "TRƯỞNG CỤM\\nCHÁNH THANH TRA TỈNH LẠNG SƠN").
    name: the signer's full name, bold; "" leaves the space for a name written by hand.
    """

    title: str
    name: str = ""
    authority: str = ""


@dataclass(frozen=True)
class Properties:
    """The file's core properties (File → Properties), written in Vietnamese.

    author: who made the document (the issuing body or the person); title and subject as in
    the document; created: the date of the document (None: left to python-docx's default).
    """

    title: str
    author: str
    subject: str = ""
    keywords: str = ""
    comments: str = ""
    category: str = ""
    created: dt.datetime | None = None


# -- document and page -------------------------------------------------------------------------


def new_document(*, properties: Properties) -> Document:
    """A blank A4 document with the decree's page, font, page numbers and the properties."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = mm(20), mm(20)
    section.left_margin, section.right_margin = mm(30), mm(15)
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = BODY_SIZE
    # Word picks the East Asian font slot for Vietnamese in some locales: name it too.
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.line_spacing = 1.15
    # Page numbers centred in the top margin, not on the first page.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)
    set_properties(document, properties)
    return document


def set_properties(document: Document, properties: Properties) -> None:
    core = document.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.author = properties.author
    core.last_modified_by = properties.author
    core.keywords = properties.keywords
    core.comments = properties.comments
    core.category = properties.category
    core.language = "vi-VN"
    if properties.created is not None:
        core.created = properties.created
        core.modified = properties.created


def mm(millimetres: float) -> Twips:
    """Word stores twips: round up so a margin is never below its legal minimum."""
    return Twips(math.ceil(millimetres * 1440 / 25.4))


# -- header, title, closing ------------------------------------------------------------------


def date_line(place: str, date: dt.date | None) -> str:
    """"Lạng Sơn, ngày 05 tháng 02 năm 2022": a leading zero only for days 1–9 and for
    months 1 and 2 (NĐ 30/2020, Phụ lục I, mục II.5.b); "…" in place of what is not set."""
    place = place or DRAFT
    if date is None:
        return f"{place}, ngày {DRAFT} tháng {DRAFT} năm {DRAFT}"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def number_line(number: str | None, symbol: str) -> str:
    """"Số: 15/BC-CTĐ", "Số: …/BC-CTĐ" on a draft."""
    return f"Số: {number or DRAFT}/{symbol}"


def header(document: Document, block: Header) -> Table:
    """The two-column header: issuing body, rule, number | Quốc hiệu, tiêu ngữ, rule, date."""
    table = _layout_table(document, (LEFT_COLUMN_MM, RIGHT_COLUMN_MM))
    left, right = table.rows[0].cells
    if block.parent_body:
        line(left, block.parent_body.upper(), size=Pt(12))
    line(left, block.issuing_body.upper(), bold=True, size=Pt(12))
    rule(left, width_mm=min(LEFT_COLUMN_MM * 0.45, 30), cell_mm=LEFT_COLUMN_MM)
    line(left, number_line(block.number, block.symbol), size=Pt(13)).paragraph_format.space_before = Pt(6)
    line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=Pt(12))
    line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=Pt(13))
    # As long as the tiêu ngữ (≈ 60 mm of 13 pt bold).
    rule(right, width_mm=60, cell_mm=RIGHT_COLUMN_MM)
    dated = line(right, date_line(block.place, block.date), italic=True, size=Pt(13))
    dated.paragraph_format.space_before = Pt(6)
    document.add_paragraph().paragraph_format.space_after = Pt(0)
    return table


def title(document: Document, kind: str, subject: str, *lines: str) -> None:
    """The kind of document in bold capitals ("BÁO CÁO"), its subject (trích yếu) in bold and
    any further lines, then the rule under them (NĐ 30: 1/3 to 1/2 of the line)."""
    line(document, kind.upper(), bold=True, size=Pt(14)).paragraph_format.keep_with_next = True
    for text in (subject, *lines):
        if text:
            line(document, text, bold=True, size=Pt(14)).paragraph_format.keep_with_next = True
    rule(document, width_mm=50, cell_mm=TEXT_WIDTH_MM)
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def closing(document: Document, *, recipients: Sequence[str], signature: Signature) -> Table:
    """"Nơi nhận:" on the left (each entry "- …;", the last "- Lưu: VT…"), the signature on the
    right: authority, title, the space to sign, the name. Kept on one page with the paragraph
    before it, so the signature is never alone on a page."""
    _keep_last_paragraph_with_next(document)
    table = _layout_table(document, (LEFT_COLUMN_MM, RIGHT_COLUMN_MM))
    left, right = table.rows[0].cells
    heading_line = line(left, "Nơi nhận:", bold=True, italic=True, size=Pt(12),
                        align=WD_ALIGN_PARAGRAPH.LEFT)
    heading_line.paragraph_format.space_before = Pt(6)
    for text in recipients:
        line(left, text, size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT)
    _signature(right, signature)
    return table


def signatures(document: Document, left: Signature, right: Signature) -> Table:
    """Two signatures side by side (minutes, an achievement report's confirmation), kept on
    one page with the paragraph before them; their titles padded so the names align."""
    _keep_last_paragraph_with_next(document)
    table = _layout_table(document, (TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2))
    lines = max(len(s.title.splitlines()) + bool(s.authority) for s in (left, right))
    _signature(table.rows[0].cells[0], left, lines)
    _signature(table.rows[0].cells[1], right, lines)
    return table


def _signature(cell, signature: Signature, lines: int = 0) -> None:
    """Authority, title (padded to `lines` lines), the space to sign, the name."""
    titles = ([signature.authority] if signature.authority else []) + signature.title.splitlines()
    for text in titles + [""] * (lines - len(titles)):
        line(cell, text.upper(), bold=True, size=Pt(14))
    for _blank in range(4):
        line(cell, "", size=Pt(14))
    line(cell, signature.name, bold=True, size=Pt(14))


# -- body --------------------------------------------------------------------------------------


def heading(document: Document, text: str) -> Paragraph:
    """A part or item heading ("I. KẾT QUẢ …", "1. Công tác thanh tra"), bold, kept with the
    paragraph after it."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    # Left, not justified: a short heading line stretched across the page reads badly.
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.first_line_indent = Mm(12.7)
    paragraph.add_run(text).bold = True
    return paragraph


def paragraph(document: Document, text: str, *, italic: bool = False) -> Paragraph:
    """A body paragraph: justified, first line indented 1 cm–1,27 cm."""
    added = document.add_paragraph()
    added.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    added.paragraph_format.first_line_indent = Mm(12.7)
    added.add_run(text).italic = italic
    return added


def table(
    document: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths_mm: Sequence[float],
    bold_last: bool = False,
    text_columns: int = 2,
) -> Table:
    """A bordered table of text cells: header row repeated on each page, no row split across
    pages. `widths_mm` (one per column) should sum to at most TEXT_WIDTH_MM; the first
    `text_columns` columns are text (number centred, then left), the others right-aligned
    figures."""
    added = document.add_table(rows=1, cols=len(headers))
    added.style = "Table Grid"
    added.alignment = WD_TABLE_ALIGNMENT.CENTER
    added.autofit = False
    for cell, text in zip(added.rows[0].cells, headers, strict=True):
        cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    repeat_header(added.rows[0])
    for index, values in enumerate(rows):
        cells = added.add_row().cells
        last = bold_last and index == len(rows) - 1
        for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
            if column == 0:
                align = WD_ALIGN_PARAGRAPH.CENTER
            elif column < text_columns:
                align = WD_ALIGN_PARAGRAPH.LEFT
            else:
                align = WD_ALIGN_PARAGRAPH.RIGHT
            cell_text(cell, text, bold=last, align=align)
    set_widths(added, widths_mm)
    for row in added.rows:
        keep_row_together(row)
    document.add_paragraph().paragraph_format.space_after = Pt(0)
    return added
