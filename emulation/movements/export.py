"""Excel exports of a cluster year: the pledge's units × targets matrix and the movements.

The pledge workbook is fed by the same selector as the pledge page (one query, two renderers).
"""

from __future__ import annotations

from typing import BinaryIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from cum4.exports.tabular import MONEY_FORMAT, Column, cell_value, sheet_title, write_workbook
from cum4.formatting import vn_date
from emulation.movements.selectors.movements import movements_of
from emulation.movements.selectors.pledges import MET, NOT_MET, PledgeMatrix

STATUS_TEXT = {MET: "Đạt", NOT_MET: "Không đạt"}


def pledge_workbook(matrix: PledgeMatrix, output: BinaryIO) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(_("Pledge"))
    pledge = matrix.pledge
    if pledge is not None:
        sheet.append([_("Pledge"), str(pledge.cluster_year)])
        sheet.append([_("signed on"), vn_date(pledge.signed_on)])
        sheet.append([_("host unit"), str(pledge.host_unit)])
        sheet.append([_("theme"), pledge.theme])
        sheet.append([_("document number"), pledge.document_number])
        sheet.append([])
    header = [_("Inspectorate"), *(target.title for target in matrix.targets), _("Met"), _("Not met"),
              _("Unknown")]
    sheet.append([cell_value(h) for h in header])
    sheet.append(["", *(target.rule_text or _("judged by the cluster lead") for target in matrix.targets)])
    for cell in sheet[sheet.max_row - 1]:
        cell.font = Font(bold=True)
    for row in matrix.rows:
        cells = []
        for result in row.results:
            text = STATUS_TEXT.get(result.status, "Chưa xác định")
            if result.value is not None:
                text = f"{text} ({result.value})"
            cells.append(text)
        sheet.append([str(row.unit), *cells, row.met, row.not_met, row.unknown])
    sheet.column_dimensions["A"].width = 32
    for index in range(2, len(header) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 24
    workbook.save(output)


def movements_workbook(*, cluster_year, output: BinaryIO) -> None:
    """The year's movements, one row each, with response count and total contribution (đồng)."""
    columns = [
        Column(_("Movement"), lambda m: m.name, width=40),
        Column(_("Theme"), lambda m: m.theme, width=30),
        Column(_("Launched by"), lambda m: m.get_launched_by_display(), width=22),
        Column(_("Launching unit"), lambda m: str(m.launching_unit or ""), width=30),
        Column(_("Level"), lambda m: m.get_level_display(), width=16),
        Column(_("Scope"), lambda m: m.get_scope_display(), width=16),
        Column(_("Kind"), lambda m: m.get_kind_display(), width=18),
        Column(_("Document number"), lambda m: m.document_number, width=18),
        Column(_("Starts on"), lambda m: m.starts_on, width=12),
        Column(_("Ends on"), lambda m: m.ends_on, width=12),
        Column(_("Occasion"), lambda m: m.occasion, width=20),
        Column(_("Responses"), lambda m: m.response_count, width=10),
        Column(_("Contribution (đồng)"), lambda m: m.amount_total, width=16,
               number_format=MONEY_FORMAT),
    ]
    write_workbook(output, title=_("Movements %(year)s") % {"year": cluster_year.year},
                   columns=columns, rows=movements_of(cluster_year=cluster_year))
