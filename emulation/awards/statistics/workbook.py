"""The statistics workbook: one sheet per form in the form's own layout, plus the list of what
was counted. Labels are the forms' Vietnamese wording (they are filed as such)."""

from __future__ import annotations

import datetime as dt
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from cum4.formatting import vn_date
from emulation.awards.statistics.counting import FilledForm
from emulation.awards.statistics.selectors import StatisticsBundle

LEGAL_BASIS = "Ban hành kèm theo Thông tư số 02/2023/TT-BNV của Bộ trưởng Bộ Nội vụ"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="center", wrap_text=True)


def _sheet(workbook: Workbook, form: FilledForm, bundle: StatisticsBundle, today: dt.date) -> None:
    layout = form.layout
    sheet = workbook.create_sheet(layout.short)
    last_col = 2 + len(layout.columns)
    sheet["A1"] = f"Biểu số: {layout.code}"
    sheet["A1"].font = BOLD
    sheet["A2"] = LEGAL_BASIS
    deadline = bundle.deadline
    if deadline is not None:
        sheet["A3"] = f"Ngày nhận báo cáo: {deadline.due_day:02d}/{deadline.due_month:02d} năm báo cáo"
    sheet.cell(row=1, column=4, value=layout.title).font = Font(bold=True, size=13)
    year = bundle.cluster_year.year
    sheet.cell(row=2, column=4, value=f"Năm {year}").font = BOLD
    # Movements are those recorded for the cluster year; commendations count by decision date.
    sheet.cell(row=3, column=4, value=f"Kỳ báo cáo: 01/01/{year} – 31/12/{year}")
    sheet.cell(row=1, column=last_col - 1, value=f"Đơn vị báo cáo: {bundle.reporter}")
    if deadline is not None:
        sheet.cell(row=2, column=last_col - 1, value=f"Đơn vị nhận báo cáo: {deadline.receiver}")
    sheet.cell(row=3, column=last_col - 1, value=f"Đơn vị tính: {layout.unit_label}")

    top = 5
    headers = [("Chỉ tiêu", 1), ("Mã số", 2), ("Tổng số", 3)]
    for text, col in headers:
        sheet.merge_cells(start_row=top, start_column=col, end_row=top + 1, end_column=col)
        sheet.cell(row=top, column=col, value=text)
    sheet.merge_cells(start_row=top, start_column=4, end_row=top, end_column=last_col)
    sheet.cell(row=top, column=4, value=layout.column_group)
    for index, column in enumerate(layout.columns[1:], start=4):
        sheet.cell(row=top + 1, column=index, value=column.label)
    # The numbering row under the headers: A, B, then the form's column numbers.
    sheet.cell(row=top + 2, column=1, value="A")
    sheet.cell(row=top + 2, column=2, value="B")
    for index, column in enumerate(layout.columns, start=3):
        sheet.cell(row=top + 2, column=index, value=column.number)
    for row in range(top, top + 3):
        for col in range(1, last_col + 1):
            cell = sheet.cell(row=row, column=col)
            cell.border, cell.alignment, cell.font = BOX, CENTER, BOLD

    current = top + 3
    for row in layout.rows:
        label = sheet.cell(row=current, column=1, value=("    " * row.indent) + row.label)
        label.alignment = WRAP
        if row.heading or row.key is None:
            label.font = BOLD
        sheet.cell(row=current, column=2, value=row.code).alignment = CENTER
        if not row.heading:
            for index, column in enumerate(layout.columns, start=3):
                sheet.cell(row=current, column=index, value=form.cells[row.code][column.number])
        for col in range(1, last_col + 1):
            sheet.cell(row=current, column=col).border = BOX
        current += 1

    current += 1
    notes = list(layout.notes)
    for note in notes:
        sheet.cell(row=current, column=1, value=f"Ghi chú: {note}")
        current += 1
    sheet.cell(row=current, column=1, value=f"Lập tự động từ dữ liệu Cụm IV ngày {vn_date(today)}.")
    current += 2
    sheet.cell(row=current, column=1, value="Người lập biểu").font = BOLD
    sheet.cell(row=current, column=last_col - 1, value="Thủ trưởng đơn vị").font = BOLD
    sheet.cell(row=current + 1, column=1, value="(Ký, họ tên)")
    sheet.cell(row=current + 1, column=last_col - 1, value="(Ký, họ tên, đóng dấu)")

    sheet.column_dimensions["A"].width = 48
    sheet.column_dimensions["B"].width = 8
    for col in range(3, last_col + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 16
    sheet.row_dimensions[top + 1].height = 60
    sheet.freeze_panes = sheet.cell(row=top + 3, column=3)


def _detail_sheet(workbook: Workbook, bundle: StatisticsBundle) -> None:
    sheet = workbook.create_sheet("Danh sach")
    sheet.append(["Biểu", "Cột", "Dòng", "Nội dung được đếm"])
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
            sheet.append([form.layout.short, columns[fact.column], ", ".join(["01", *rows]), fact.label])
    sheet.column_dimensions["D"].width = 90


def statistics_workbook(bundle: StatisticsBundle, output: BinaryIO, today: dt.date) -> None:
    """Write forms 0601.N, 0602.N, 0603.N and the list of counted records to `output` (xlsx)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for form in bundle.forms:
        _sheet(workbook, form, bundle, today)
    _detail_sheet(workbook, bundle)
    workbook.save(output)
