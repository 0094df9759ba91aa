"""Building blocks of Word documents (python-docx): lines, rules, fixed-width tables, rows
that never split, repeated header rows, page numbers. `cum4.exports.nd30` lays out the
decree's documents with them; a document with its own layout may use them directly."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
TABLE_SIZE = Pt(11)


# -- building blocks (public for documents with their own layout) ------------------------------


def line(container, text: str, *, bold: bool = False, italic: bool = False,
         size: Length | None = None, align=WD_ALIGN_PARAGRAPH.CENTER) -> Paragraph:
    """One single-spaced line in a document or a cell (the header and closing blocks)."""
    paragraphs = getattr(container, "paragraphs", None)
    # A new cell holds one empty paragraph: write into it rather than below it.
    if paragraphs and len(paragraphs) == 1 and not paragraphs[0].text and not paragraphs[0].runs \
            and hasattr(container, "width"):
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


def rule(container, *, width_mm: float, cell_mm: float) -> Paragraph:
    """A centred horizontal rule (đường kẻ ngang, nét liền) `width_mm` long: the bottom border
    of an empty 2 pt paragraph indented from both sides, so it sits just under the line above
    in Word and LibreOffice alike."""
    added = container.add_paragraph()
    added.paragraph_format.space_after = Pt(0)
    added.paragraph_format.space_before = Pt(0)
    added.paragraph_format.line_spacing = 1.0
    indent = Mm(max((cell_mm - width_mm) / 2, 0))
    added.paragraph_format.left_indent = indent
    added.paragraph_format.right_indent = indent
    added.paragraph_format.first_line_indent = Mm(0)
    added.add_run("").font.size = Pt(2)
    properties = added._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties.append(borders)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    marks = OxmlElement("w:rPr")
    marks.append(size)
    properties.append(marks)
    return added


def cell_text(cell, text: str, *, bold: bool, align) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    paragraph.paragraph_format.first_line_indent = None
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = TABLE_SIZE


def repeat_header(row: _Row) -> None:
    """Repeat `row` at the top of every page the table runs onto."""
    row_flag(row, "w:tblHeader")


def keep_row_together(row: _Row) -> None:
    """Never break `row` across two pages (w:cantSplit)."""
    row_flag(row, "w:cantSplit")


def set_widths(added: Table, widths_mm: Sequence[float]) -> None:
    """Fixed column widths (grid and every cell: Word reads the cells, LibreOffice the grid)."""
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    added._tbl.tblPr.append(layout)
    for column, width in zip(added.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


# -- private -----------------------------------------------------------------------------------


def layout_table(document: Document, widths_mm: Sequence[float]) -> Table:
    """A borderless one-row table of two columns (header and closing blocks)."""
    added = document.add_table(rows=1, cols=len(widths_mm))
    added.alignment = WD_TABLE_ALIGNMENT.CENTER
    added.autofit = False
    set_widths(added, widths_mm)
    keep_row_together(added.rows[0])
    return added


def keep_last_paragraph_with_next(document: Document) -> None:
    """Keep the last two body paragraphs with what follows (the closing table)."""
    for paragraph in document.paragraphs[-2:]:
        paragraph.paragraph_format.keep_with_next = True


def row_flag(row: _Row, tag: str) -> None:
    properties = row._tr.get_or_add_trPr()
    if properties.find(qn(tag)) is None:
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def page_field(paragraph: Paragraph) -> None:
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
