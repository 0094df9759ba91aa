"""The dossier's one door to the Word writer of Nghị định 30/2020/NĐ-CP.

The shared writer (cum4.exports.nd30, branch h14docs) had not landed on main while this room
was built, so this adapter writes the decree's layout with python-docx itself (main's
cum4.exports.docx_layout is removed by that branch, so it is not used here): A4, margins
20/20/30/15 mm, Times New Roman 14, page numbers from page 2; the header's two columns
(issuing body, rule, "Số: …/…" | Quốc hiệu, tiêu ngữ, rule, place and date); the title in
capitals with its rule; Nơi nhận beside the signature; table rows kept whole, header rows
repeated. Names and arguments are the shared writer's (new_document, header, title, heading,
paragraph, table, closing, Header, Signature, Properties), so switching is replacing this
module's body with imports from it; `signatures` (two side by side) stays here.
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
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, Twips

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(11)
DRAFT = "…"
TEXT_WIDTH_MM = 165  # A4 less the margins (210 − 30 − 15 mm)
LEFT_COLUMN_MM = 62
RIGHT_COLUMN_MM = TEXT_WIDTH_MM - LEFT_COLUMN_MM


@dataclass(frozen=True)
class Header:
    issuing_body: str
    symbol: str
    parent_body: str = ""
    number: str | None = None
    place: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class Signature:
    title: str
    name: str = ""
    authority: str = ""


@dataclass(frozen=True)
class Properties:
    title: str
    author: str
    subject: str = ""


def _mm(millimetres: float) -> Twips:
    """Word stores twips: round up so a margin is never below its legal minimum."""
    return Twips(math.ceil(millimetres * 1440 / 25.4))


def new_document(*, properties: Properties):
    """A blank A4 document with the decree's page, font, page numbers and properties."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = _mm(20), _mm(20)
    section.left_margin, section.right_margin = _mm(30), _mm(15)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, BODY_SIZE
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.line_spacing = 1.15
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)
    core = document.core_properties
    core.title, core.author, core.subject = properties.title, properties.author, properties.subject
    core.last_modified_by, core.language = properties.author, "vi-VN"
    return document


def date_line(place: str, date: dt.date | None) -> str:
    """"Lạng Sơn, ngày 05 tháng 02 năm 2022": a leading zero for days 1–9 and months 1–2."""
    place = place or DRAFT
    if date is None:
        return f"{place}, ngày {DRAFT} tháng {DRAFT} năm {DRAFT}"
    month = f"{date.month:02d}" if date.month <= 2 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def number_line(number: str | None, symbol: str) -> str:
    return f"Số: {number or DRAFT}/{symbol}"


def header(document, block: Header) -> None:
    table = _layout_table(document, (LEFT_COLUMN_MM, RIGHT_COLUMN_MM))
    left, right = table.rows[0].cells
    if block.parent_body:
        line(left, block.parent_body.upper(), size=Pt(12))
    line(left, block.issuing_body.upper(), bold=True, size=Pt(12))
    rule(left, width_mm=30, cell_mm=LEFT_COLUMN_MM)
    if block.symbol:
        line(left, number_line(block.number, block.symbol), size=Pt(13))
    line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=Pt(12))
    line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=Pt(13))
    rule(right, width_mm=60, cell_mm=RIGHT_COLUMN_MM)
    line(right, date_line(block.place, block.date), italic=True, size=Pt(13))
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def title(document, kind: str, subject: str, *lines: str) -> None:
    line(document, kind.upper(), bold=True, size=Pt(14)).paragraph_format.keep_with_next = True
    for text in (subject, *lines):
        if text:
            line(document, text, bold=True, size=Pt(14)).paragraph_format.keep_with_next = True
    rule(document, width_mm=50, cell_mm=TEXT_WIDTH_MM)
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def heading(document, text: str) -> None:
    added = document.add_paragraph()
    added.paragraph_format.space_before = Pt(6)
    added.paragraph_format.keep_with_next = True
    added.paragraph_format.first_line_indent = Mm(12.7)
    added.add_run(text).bold = True


def paragraph(document, text: str, *, italic: bool = False) -> None:
    """Body paragraphs (one per line of `text`): justified, first line indented 12,7 mm."""
    for chunk in (text or "").splitlines() or [""]:
        added = document.add_paragraph()
        added.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        added.paragraph_format.first_line_indent = Mm(12.7)
        added.add_run(chunk).italic = italic


def table(document, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
          widths_mm: Sequence[float], text_columns: int = 2):
    """A bordered table: the first column centred, text columns left, the others right."""
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        _cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _row_flag(grid.rows[0], "w:tblHeader")
    for values in rows:
        cells = grid.add_row().cells
        for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
            align = (WD_ALIGN_PARAGRAPH.CENTER if column == 0 else
                     WD_ALIGN_PARAGRAPH.LEFT if column < text_columns else WD_ALIGN_PARAGRAPH.RIGHT)
            _cell_text(cell, str(text), bold=False, align=align)
    _set_widths(grid, widths_mm)
    for row in grid.rows:
        _row_flag(row, "w:cantSplit")
    document.add_paragraph().paragraph_format.space_after = Pt(0)
    return grid


def closing(document, *, recipients: Sequence[str], signature: Signature) -> None:
    """"Nơi nhận:" on the left, the signature on the right, kept with the text before it."""
    for previous in document.paragraphs[-2:]:
        previous.paragraph_format.keep_with_next = True
    table = _layout_table(document, (LEFT_COLUMN_MM, RIGHT_COLUMN_MM))
    left, right = table.rows[0].cells
    line(left, "Nơi nhận:", bold=True, italic=True, size=Pt(12), align=WD_ALIGN_PARAGRAPH.LEFT)
    for text in recipients:
        line(left, text, size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT)
    _signature(right, signature)


def signatures(document, left: Signature, right: Signature) -> None:
    """Two signatures side by side (the minutes; the achievement report's confirmation)."""
    for previous in document.paragraphs[-2:]:
        previous.paragraph_format.keep_with_next = True
    table = _layout_table(document, (TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2))
    lines = max(len(s.title.splitlines()) + bool(s.authority) for s in (left, right))
    _signature(table.rows[0].cells[0], left, lines)
    _signature(table.rows[0].cells[1], right, lines)


def line(container, text: str, *, bold: bool = False, italic: bool = False,
         size: Length | None = None, align=WD_ALIGN_PARAGRAPH.CENTER):
    """One single-spaced line in the document or a cell (a new cell's empty paragraph is used)."""
    paragraphs = getattr(container, "paragraphs", None)
    if (paragraphs and len(paragraphs) == 1 and not paragraphs[0].runs
            and hasattr(container, "width")):
        added = paragraphs[0]
    else:
        added = container.add_paragraph()
    added.alignment = align
    added.paragraph_format.space_after = Pt(0)
    added.paragraph_format.line_spacing = 1.0
    run = added.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.name = FONT
    run.font.size = size or Pt(13)
    return added


def rule(container, *, width_mm: float, cell_mm: float) -> None:
    """A centred rule `width_mm` long: the bottom border of an empty, indented 2 pt paragraph."""
    added = container.add_paragraph()
    added.paragraph_format.space_after = Pt(0)
    added.paragraph_format.space_before = Pt(0)
    added.paragraph_format.line_spacing = 1.0
    indent = Mm(max((cell_mm - width_mm) / 2, 0))
    added.paragraph_format.left_indent = indent
    added.paragraph_format.right_indent = indent
    added.paragraph_format.first_line_indent = Mm(0)
    added.add_run("").font.size = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    added._p.get_or_add_pPr().append(borders)


def _signature(cell, signature: Signature, lines: int = 0) -> None:
    """Authority, title (padded to `lines` lines so two names side by side align), the space
    to sign, the name."""
    titles = ([signature.authority] if signature.authority else []) + signature.title.splitlines()
    for text in titles + [""] * (lines - len(titles)):
        line(cell, text.upper(), bold=True, size=Pt(14))
    for _blank in range(4):
        line(cell, "", size=Pt(14))
    line(cell, signature.name, bold=True, size=Pt(14))


def _cell_text(cell, text: str, *, bold: bool, align) -> None:
    added = cell.paragraphs[0]
    added.alignment = align
    added.paragraph_format.space_after = Pt(0)
    added.paragraph_format.line_spacing = 1.0
    added.paragraph_format.first_line_indent = None
    run = added.add_run(text)
    run.bold = bold
    run.font.size = TABLE_SIZE


def _layout_table(document, widths_mm: Sequence[float]):
    """A borderless one-row table (header and closing blocks), never split across pages."""
    added = document.add_table(rows=1, cols=len(widths_mm))
    added.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_widths(added, widths_mm)
    _row_flag(added.rows[0], "w:cantSplit")
    return added


def _set_widths(added, widths_mm: Sequence[float]) -> None:
    """Fixed column widths (grid and every cell: Word reads the cells, LibreOffice the grid)."""
    added.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    added._tbl.tblPr.append(layout)
    for column, width in zip(added.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def _row_flag(row, tag: str) -> None:
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn(tag)) is None:
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
