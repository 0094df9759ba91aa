"""The dossier's one door to the Word writer of Nghị định 30/2020/NĐ-CP.

The shared writer (cum4.exports.nd30, branch h14docs) had not landed on main while this room
was built, so this adapter writes the same layout with python-docx and the layout helpers main
has (cum4.exports.docx_layout): A4, margins 20/20/30/15 mm, Times New Roman 14, page numbers
from page 2; the header's two columns (issuing body, rule, "Số: …/…" | Quốc hiệu, tiêu ngữ,
rule, place and date); the title in capitals with its rule; Nơi nhận beside the signature.
Its names and arguments are the shared writer's (new_document, header, title, heading,
paragraph, table, closing), so switching is replacing this module's body with imports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from cum4.exports import docx_layout as layout

DRAFT = "…"
TEXT_WIDTH_MM = 165
LEFT_COLUMN_MM = 62
RIGHT_COLUMN_MM = TEXT_WIDTH_MM - LEFT_COLUMN_MM
TABLE_SIZE = Pt(11)


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


def new_document(*, properties: Properties):
    document = Document()
    layout.page_and_styles(document)
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
    return f"Số: {number or DRAFT}/{symbol}" if symbol else ""


def _columns(document, widths: Sequence[float]):
    table = document.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    for cell in table.rows[0].cells:
        cell.paragraphs[0].text = ""
    return table


def _widths(table, widths: Sequence[float]) -> None:
    """Fixed column widths (the grid and every cell: LibreOffice reads the grid, Word the
    cells)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)


def _rule(cell, width_mm: float) -> None:
    """A short centred rule under a line, drawn as the bottom border of an empty paragraph
    indented to `width_mm`."""
    paragraph = cell.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(0)
    margin = max((_cell_width(cell) - width_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(margin)
    paragraph.paragraph_format.right_indent = Mm(margin)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    run = paragraph.add_run()
    run.font.size = Pt(2)


def _cell_width(container) -> float:
    """A table cell's width, or the text width for the document itself."""
    width = getattr(container, "width", None)
    return width.mm if width else TEXT_WIDTH_MM


def header(document, block: Header) -> None:
    table = _columns(document, (LEFT_COLUMN_MM, RIGHT_COLUMN_MM))
    left, right = table.rows[0].cells
    if block.parent_body:
        layout.line(left, block.parent_body.upper(), size=Pt(12))
    layout.line(left, block.issuing_body.upper(), bold=True, size=Pt(12))
    _rule(left, 30)
    if block.symbol:
        layout.line(left, number_line(block.number, block.symbol), size=Pt(13))
    layout.line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=Pt(12))
    layout.line(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=Pt(13))
    _rule(right, 60)
    layout.line(right, date_line(block.place, block.date), italic=True, size=Pt(13))
    document.add_paragraph()


def title(document, kind: str, subject: str, *lines: str) -> None:
    layout.line(document, kind.upper(), bold=True, size=Pt(14))
    for text in (subject, *lines):
        if text:
            layout.line(document, text, bold=True, size=Pt(14))
    _rule(document, 50)
    document.add_paragraph()


def heading(document, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.first_line_indent = Mm(12.7)
    paragraph.add_run(text).bold = True


def paragraph(document, text: str, *, italic: bool = False) -> None:
    for chunk in (text or "").splitlines() or [""]:
        added = layout.body(document, "")
        added.add_run(chunk).italic = italic


def table(document, headers: Sequence[str], rows: Sequence[Sequence[str]],
          *, widths: Sequence[float] | None = None) -> None:
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        layout.cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    layout.repeat_header(grid.rows[0])
    for values in rows:
        cells = grid.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.CENTER if index == 0 else WD_ALIGN_PARAGRAPH.LEFT
            layout.cell_text(cell, str(text), bold=False, align=align)
    if widths:
        _widths(grid, widths)
    document.add_paragraph()


def _signature(cell, signature: Signature, lines: int = 0) -> None:
    """Authority, title (padded to `lines` lines so two names side by side align), the space
    to sign, the name."""
    titles = ([signature.authority] if signature.authority else []) + signature.title.splitlines()
    for text in titles + [""] * (lines - len(titles)):
        layout.line(cell, text.upper(), bold=True, size=Pt(14))
    for _blank in range(4):
        layout.line(cell, "", size=Pt(14))
    layout.line(cell, signature.name, bold=True, size=Pt(14))


def closing(document, *, recipients: Sequence[str], signature: Signature) -> None:
    table = _columns(document, (LEFT_COLUMN_MM, RIGHT_COLUMN_MM))
    left, right = table.rows[0].cells
    layout.line(left, "Nơi nhận:", bold=True, italic=True, size=Pt(12),
                align=WD_ALIGN_PARAGRAPH.LEFT)
    for text in recipients:
        layout.line(left, text, size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT)
    _signature(right, signature)


def signatures(document, left: Signature, right: Signature) -> None:
    """Two signatures side by side (the minutes; the achievement report's confirmation)."""
    table = _columns(document, (TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2))
    lines = max(len(s.title.splitlines()) + bool(s.authority) for s in (left, right))
    _signature(table.rows[0].cells[0], left, lines)
    _signature(table.rows[0].cells[1], right, lines)
