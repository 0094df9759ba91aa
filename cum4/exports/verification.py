"""Checks of produced documents as a recipient prints them, for the test suite.

LibreOffice converts a .docx or .xlsx to PDF as it would print; poppler's `pdfinfo` and
`pdftotext` (or pypdf when installed) read the pages back. The Word checks read the file
itself (python-docx).

    pdf = to_pdf(path)                       # LibreOffice, headless, a private profile
    page_count(pdf)                          # pages as printed
    page_texts(pdf)                          # the text of each page
    rows_that_can_split(docx_path)           # [(table, row)] without w:cantSplit
    closing_alone_on_last_page(pdf, "Nơi nhận")  # the signature page has no body text
    sheet_print_scale(sheet)                 # the scale an openpyxl sheet prints at

`libreoffice()` is None where LibreOffice is absent; tests skip then (or fail under
LIBREOFFICE_TESTS=1, see tests/exports/conftest.py).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

# A4 landscape in millimetres; a column's width in pixels is cum4.exports.xlsx.PX_PER_UNIT
# per Excel width unit plus 5 px of padding.
A4_LANDSCAPE_MM = (297.0, 210.0)
MM_PER_PIXEL = 25.4 / 96


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(path: Path, *, outdir: Path | None = None, timeout: int = 180) -> Path:
    """Convert `path` to PDF with LibreOffice (a private profile, so parallel runs do not
    share a lock); returns the PDF's path. Raises RuntimeError when conversion fails."""
    binary = libreoffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    outdir = outdir or path.parent / "pdf"
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    try:
        result = subprocess.run(
            [binary, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
            capture_output=True, text=True, timeout=timeout,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = outdir / (path.stem + ".pdf")
    if result.returncode != 0 or not pdf.exists():
        raise RuntimeError(f"LibreOffice failed: {result.stdout} {result.stderr}")
    return pdf


def page_count(pdf: Path) -> int:
    """The number of pages (pdfinfo, else pypdf)."""
    if shutil.which("pdfinfo"):
        output = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                check=True).stdout
        for line in output.splitlines():
            if line.startswith("Pages:"):
                return int(line.split(":", 1)[1])
    from pypdf import PdfReader  # optional: only where poppler is absent

    return len(PdfReader(str(pdf)).pages)


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, in order (pdftotext, else pypdf)."""
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        pages = text.split("\f")
        return pages[:-1] if pages and not pages[-1].strip() else pages
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]


def rows_that_can_split(docx_path: Path) -> list[tuple[int, int]]:
    """(table index, row index) of every table row that Word or LibreOffice may break across
    two pages: those without <w:cantSplit/> (python-docx writes none by default)."""
    document = Document(str(docx_path))
    loose = []
    for table_index, table in enumerate(document.tables):
        for row_index, row in enumerate(table.rows):
            properties = row._tr.trPr
            flag = properties.find(qn("w:cantSplit")) if properties is not None else None
            if flag is None or flag.get(qn("w:val")) in ("0", "false"):
                loose.append((table_index, row_index))
    return loose


def closing_alone_on_last_page(pdf: Path, closing_marker: str = "Nơi nhận") -> bool:
    """True when the last page starts with the closing block (Nơi nhận, the signature): no
    line of the document's body precedes it there. The page number line is ignored."""
    last = page_texts(pdf)[-1]
    before, found, _after = last.partition(closing_marker)
    if not found:
        return False
    body = [line for line in before.splitlines() if line.strip() and not line.strip().isdigit()]
    return not body


def sheet_print_scale(sheet) -> int:
    """The scale (%) an openpyxl worksheet prints at on its paper: the fixed scale, or what
    fit-to-width needs for the widest print area's columns on A4 landscape."""
    setup = sheet.page_setup
    if not sheet.sheet_properties.pageSetUpPr or not sheet.sheet_properties.pageSetUpPr.fitToPage:
        return int(setup.scale or 100)
    width = max(printed_width_mm(sheet, area) for area in print_area_columns(sheet))
    margins = (sheet.page_margins.left + sheet.page_margins.right) * 25.4
    usable = A4_LANDSCAPE_MM[0] - margins
    return min(100, int(usable / width * 100))


def print_area_columns(sheet) -> list[tuple[int, int]]:
    """(first, last) column numbers of each print area (the used range when none is set)."""
    from openpyxl.utils import column_index_from_string

    areas = []
    for area in (sheet.print_area or []) if isinstance(sheet.print_area, list) else (
        [sheet.print_area] if sheet.print_area else []
    ):
        ref = area.split("!")[-1].replace("$", "")
        first, _sep, last = ref.partition(":")
        letters = ("".join(c for c in first if c.isalpha()), "".join(c for c in last if c.isalpha()))
        areas.append((column_index_from_string(letters[0]), column_index_from_string(letters[1])))
    return areas or [(1, sheet.max_column)]


def printed_width_mm(sheet, columns: tuple[int, int]) -> float:
    """The printed width of the visible columns in `columns` (hidden ones take no room)."""
    from openpyxl.utils import get_column_letter

    from cum4.exports.xlsx import PX_PER_UNIT

    total = 0.0
    for index in range(columns[0], columns[1] + 1):
        dimension = sheet.column_dimensions[get_column_letter(index)]
        if dimension.hidden:
            continue
        width = dimension.width or 8.43
        total += (width * PX_PER_UNIT + 5) * MM_PER_PIXEL
    return total
