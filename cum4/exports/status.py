"""The status grid as a workbook: a row per unit, per quarter its state and the day it was
submitted. The rows are the grid page's own (`report_status_grid`); dates are the day in
Asia/Ho_Chi_Minh, stored as Excel dates (a report sent at 05:30 on the 30th is of the 30th,
not of the 29th as its UTC time would say)."""

from __future__ import annotations

from typing import BinaryIO

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from cum4.exports.xlsx import BOX, HEADER, _header_cell
from cum4.formatting import local_date
from cum4.models import ClusterYear
from cum4.reports.page_selectors import GridRow

DATE_FORMAT = "dd/mm/yyyy"


def status_workbook(*, cluster_year: ClusterYear, rows: list[GridRow], output: BinaryIO) -> None:
    """Write the grid of `cluster_year` (`rows`, in page order) to `output` (xlsx bytes)."""
    with translation.override("vi"):
        book = Workbook()
        sheet = book.active
        sheet.title = _("Reporting status")
        sheet.cell(row=1, column=1, value=f"{_('Reporting status')}: {cluster_year}").font = HEADER
        headers = [_("Inspectorate")]
        for quarter in range(1, 5):
            headers += [
                _("Q%(quarter)s state") % {"quarter": quarter},
                _("Q%(quarter)s submitted on") % {"quarter": quarter},
            ]
        for column, text in enumerate(headers, start=1):
            _header_cell(sheet, 3, column, text)
        for number, row in enumerate(rows, start=4):
            sheet.cell(row=number, column=1, value=str(row.unit)).border = BOX
            for cell in row.cells:
                column = 2 * cell.quarter
                state = cell.report.get_state_display() if cell.report else _("not started")
                sheet.cell(row=number, column=column, value=str(state)).border = BOX
                day = local_date(cell.report.submitted_at) if cell.report else None
                date_cell = sheet.cell(row=number, column=column + 1, value=day)
                date_cell.number_format = DATE_FORMAT
                date_cell.border = BOX
        sheet.column_dimensions["A"].width = 32
        book.save(output)
