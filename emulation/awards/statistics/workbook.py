"""The statistics workbook: one sheet per form in the form's own layout (header block, table,
signature), printed A4 landscape one page wide, plus the list of what was counted. Labels are
the forms' Vietnamese wording (they are filed as such)."""

from __future__ import annotations

import datetime as dt
import math
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from emulation.awards.statistics.counting import FilledForm
from emulation.awards.statistics.grid import Grid, grid_of
from emulation.awards.statistics.selectors import StatisticsBundle

FONT = "Times New Roman"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
PLAIN, BOLD = Font(name=FONT, size=11), Font(name=FONT, size=11, bold=True)
ITALIC = Font(name=FONT, size=11, italic=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
LINE_HEIGHT = 14  # points per line of 11-point text
MARGIN_SIDE, MARGIN_TOP = 0.4, 0.5  # inches
A4_LANDSCAPE_MM = (297.0, 210.0)
DOTS = "……………………………"


def signature_lines(bundle: StatisticsBundle) -> dict[str, list[str]]:
    """The closing block: place-and-date line, the two signers with their captions and names
    (a dotted line where the name is not recorded: it is written by hand)."""
    signature = bundle.signature
    place = signature.place or DOTS
    return {
        "date": [f"{place}, ngày …… tháng …… năm ……"],
        "left": ["Người lập biểu", "(Ký, họ tên)"],
        "right": [*signature.head_title.split("\n"), "(Ký, họ tên, đóng dấu)"],
        "names": ["", signature.head_name or DOTS],
    }


def widths(grid: Grid, form: FilledForm) -> list[float]:
    """Column widths (Excel units): labels, code, unit, total, then the leaves."""
    many = len(form.leaves) > 8  # 0602: twelve leaves or more, kept to a readable scale
    per_leaf = 8 if many else 24
    fixed = [36 if many else 44, 6, *([12] if form.layout.has_unit_column else []), 8 if many else 10]
    return fixed + [per_leaf] * (grid.width - grid.fixed)


def _lines(text: str, width: float) -> int:
    """Lines a text wraps into in a column `width` units wide (Times New Roman 11 takes about
    0.7 unit per character, as LibreOffice prints it)."""
    return max(1, sum(math.ceil(len(part) * 0.7 / max(width - 1, 1)) or 1 for part in text.split("\n")))


def _merge(sheet: Worksheet, row: int, col: int, text: str, *, rows: int = 1, cols: int = 1,
           font: Font = PLAIN, align: Alignment = LEFT, box: bool = False) -> None:
    if rows > 1 or cols > 1:
        sheet.merge_cells(start_row=row, start_column=col, end_row=row + rows - 1,
                          end_column=col + cols - 1)
    cell = sheet.cell(row=row, column=col, value=text)
    cell.font, cell.alignment = font, align
    if box:
        for r in range(row, row + rows):
            for c in range(col, col + cols):
                sheet.cell(row=r, column=c).border = BOX


def _heading_block(sheet: Worksheet, form: FilledForm, bundle: StatisticsBundle, width: int,
                   fixed: int) -> int:
    """Rows 1–8: form code, circular, receipt day | reporting and receiving units; the title,
    the year and its window, the unit of measure. Returns the next free row."""
    layout = form.layout
    left = fixed - 1 if fixed > 3 else 2  # A..B (A..C with the unit column)
    day, month = bundle.receipt(layout)
    for row, text, font in (
        (1, f"Biểu số: {layout.code}", BOLD),
        (2, layout.legal_basis, ITALIC),
        (3, "Ngày nhận báo cáo:", PLAIN),
        (4, f"Ngày {day} tháng {month} năm báo cáo", PLAIN),
    ):
        _merge(sheet, row, 1, text, cols=left, font=font)
    right = width - left
    _merge(sheet, 1, left + 1, f"Đơn vị báo cáo: {bundle.reporter}", rows=2, cols=right)
    _merge(sheet, 3, left + 1, f"Đơn vị nhận báo cáo: {bundle.receiver or DOTS}", rows=2,
           cols=right)
    start, end = bundle.window(layout)
    _merge(sheet, 5, 1, layout.title, cols=width, font=Font(name=FONT, size=13, bold=True),
           align=CENTER)
    _merge(sheet, 6, 1, f"Năm {bundle.year}", cols=width, font=ITALIC, align=CENTER)
    _merge(sheet, 7, 1, f"Kỳ báo cáo: từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}", cols=width,
           font=ITALIC, align=CENTER)
    if layout.unit_label:
        _merge(sheet, 8, 1, f"Đơn vị tính: {layout.unit_label}", cols=width, font=ITALIC,
               align=RIGHT)
    sheet.row_dimensions[5].height = 36 if len(layout.title) > 80 else 22
    for row in (1, 2, 3, 4, 6, 7, 8):
        sheet.row_dimensions[row].height = LINE_HEIGHT + 1
    return 9


def _table(sheet: Worksheet, grid: Grid, top: int, column_widths: list[float]) -> int:
    for cell in grid.header:
        _merge(sheet, top + cell.row, cell.col + 1, cell.text, rows=cell.rowspan,
               cols=cell.colspan, font=BOLD, align=CENTER, box=True)
    for level in range(grid.depth):  # room for the wrapped labels of each header row
        needed = [
            _lines(cell.text, sum(column_widths[cell.col:cell.col + cell.colspan])) / cell.rowspan
            for cell in grid.header if cell.row <= level < cell.row + cell.rowspan
        ]
        sheet.row_dimensions[top + level].height = LINE_HEIGHT * max(1, math.ceil(max(needed))) + 2
    numbers = top + grid.depth
    for cell in grid.numbering:
        _merge(sheet, numbers, cell.col + 1, cell.text, cols=cell.colspan, font=ITALIC,
               align=CENTER, box=True)
    current = numbers + 1
    for line in grid.lines:
        row = line.row
        bold = row.heading or row.bold
        label = sheet.cell(row=current, column=1, value=row.label)
        label.font = BOLD if bold else PLAIN
        label.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True,
                                    indent=2 * row.indent)
        sheet.cell(row=current, column=2, value=row.code or None).alignment = CENTER
        if grid.fixed == 4:
            sheet.cell(row=current, column=3, value=row.unit or None).alignment = CENTER
        for offset, value in enumerate(line.values or []):
            cell = sheet.cell(row=current, column=grid.fixed + offset, value=value)
            cell.font = BOLD if bold else PLAIN
            cell.alignment = Alignment(horizontal="right", vertical="center")
        for col in range(1, grid.width + 1):
            sheet.cell(row=current, column=col).border = BOX
            sheet.cell(row=current, column=col).font = BOLD if bold else PLAIN
        lines = max(_lines(row.label, column_widths[0]),
                    _lines(row.unit, column_widths[2]) if grid.fixed == 4 else 1)
        sheet.row_dimensions[current].height = LINE_HEIGHT * lines + 2
        current += 1
    return current


def _fits_one_page(sheet: Worksheet, column_widths: list[float], last_row: int) -> bool:
    """Whether the sheet prints on one A4 landscape page at its fit-to-width scale (the width
    in mm of a column is (units × 9.5 + 5) px at 96 dpi, as LibreOffice lays it out)."""
    width_mm = sum((width * 9.5 + 5) * 25.4 / 96 for width in column_widths)
    scale = min(1.0, (A4_LANDSCAPE_MM[0] - 2 * MARGIN_SIDE * 25.4) / width_mm)
    points = sum(sheet.row_dimensions[row].height or LINE_HEIGHT + 1 for row in range(1, last_row + 1))
    return points * 25.4 / 72 * scale <= A4_LANDSCAPE_MM[1] - 2 * MARGIN_TOP * 25.4


def _break_before_last_group(sheet: Worksheet, grid: Grid, first_body_row: int) -> None:
    """A form too long for one page breaks before its last group of rows, so the second page
    carries figures with the signature, never the signature alone."""
    headings = [index for index, line in enumerate(grid.lines) if line.row.heading]
    if headings:
        sheet.row_breaks.append(Break(id=first_body_row + headings[-1] - 1))


def _closing(sheet: Worksheet, bundle: StatisticsBundle, row: int, width: int) -> int:
    """The date line and the two signatures from `row`; returns the last row written."""
    lines = signature_lines(bundle)
    half = max(2, width // 2)
    _merge(sheet, row, half + 1, lines["date"][0], cols=width - half, font=ITALIC, align=CENTER)
    row += 1
    right = lines["right"]
    left = [lines["left"][0], *[""] * (len(right) - 2), lines["left"][1]]
    for offset, (left_text, right_text) in enumerate(zip(left, right, strict=True)):
        caption = offset == len(right) - 1
        font = ITALIC if caption else BOLD
        _merge(sheet, row + offset, 1, left_text, cols=2, font=font, align=CENTER)
        _merge(sheet, row + offset, half + 1, right_text, cols=width - half, font=font,
               align=CENTER)
    row += len(right) + 3
    _merge(sheet, row, 1, lines["names"][0], cols=2, font=BOLD, align=CENTER)
    _merge(sheet, row, half + 1, lines["names"][1], cols=width - half, font=BOLD, align=CENTER)
    return row


def _page_setup(sheet: Worksheet, header_rows: str, last_col: int, last_row: int) -> None:
    """A4 landscape, one page wide (as many pages down as needed), table header repeated."""
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = header_rows
    sheet.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = MARGIN_SIDE
    sheet.page_margins.top = sheet.page_margins.bottom = MARGIN_TOP
    sheet.page_margins.header = sheet.page_margins.footer = 0.3


def _sheet(workbook: Workbook, form: FilledForm, bundle: StatisticsBundle) -> None:
    sheet = workbook.create_sheet(form.layout.short)
    grid = grid_of(form)
    column_widths = widths(grid, form)
    for index, width in enumerate(column_widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    top = _heading_block(sheet, form, bundle, grid.width, grid.fixed)
    after = _table(sheet, grid, top, column_widths)
    for note in form.notes:  # why a group adds up to less than its total
        _merge(sheet, after, 1, note, cols=grid.width, font=ITALIC)
        after += 1
    last = _closing(sheet, bundle, after + 1, grid.width)
    for row in range(after, last + 1):
        sheet.row_dimensions[row].height = LINE_HEIGHT + 1
    if not _fits_one_page(sheet, column_widths, last):
        _break_before_last_group(sheet, grid, top + grid.depth + 1)
    _page_setup(sheet, f"{top}:{top + grid.depth}", grid.width, last)
    sheet.freeze_panes = sheet.cell(row=top + grid.depth + 1, column=2)


def _detail_sheet(workbook: Workbook, bundle: StatisticsBundle) -> None:
    sheet = workbook.create_sheet("Danh sách đã đếm")
    sheet.append(["Biểu", "Cột", "Mã số dòng", "Nội dung được đếm"])
    for cell in sheet[1]:
        cell.font = BOLD
    for form in bundle.forms:
        columns = {column.key: column.number for column in form.layout.columns if column.key}
        for fact in form.facts:
            rows = [
                row.code
                for row in form.layout.rows
                if row.key is not None and fact.dims.get(row.key[0]) == row.key[1]
            ]
            sheet.append([form.layout.short, columns[fact.column], ", ".join(["01", *rows]),
                          fact.label])
        for label in form.uncounted:
            sheet.append([form.layout.short, "Không cột nào của biểu", "", label])
    for letter, width in zip("ABCD", (8, 22, 30, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    _page_setup(sheet, "1:1", 4, sheet.max_row)


def statistics_workbook(bundle: StatisticsBundle, output: BinaryIO, today: dt.date) -> None:
    """Write forms 0601.N, 0602.N, 0603.N and the list of counted records to `output` (xlsx)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for form in bundle.forms:
        _sheet(workbook, form, bundle)
    _detail_sheet(workbook, bundle)
    workbook.properties.creator = bundle.reporter
    workbook.properties.title = f"Biểu thống kê thi đua, khen thưởng năm {bundle.year}"
    workbook.properties.created = dt.datetime.combine(today, dt.time())
    workbook.save(output)
