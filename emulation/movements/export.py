"""Excel exports of a cluster year: the pledge's units × targets matrix and the movements.

The pledge workbook is fed by the same selector as the pledge page (one query, two renderers).
"""

from __future__ import annotations

from typing import BinaryIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from cum4.formatting import vn_date
from emulation.movements.selectors.movements import movements_of
from emulation.movements.selectors.pledges import MET, NOT_MET, PledgeMatrix

STATUS_TEXT = {MET: "Đạt", NOT_MET: "Không đạt"}


def pledge_workbook(matrix: PledgeMatrix, output: BinaryIO) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "giao_uoc"
    pledge = matrix.pledge
    if pledge is not None:
        sheet.append([_("Pledge"), str(pledge.cluster_year)])
        sheet.append([_("signed on"), vn_date(pledge.signed_on)])
        sheet.append([_("host unit"), str(pledge.host_unit)])
        sheet.append([_("theme"), pledge.theme])
        sheet.append([_("document number"), pledge.document_number])
        sheet.append([])
    header = ["unit", *(target.title for target in matrix.targets), "met", "not_met", "unknown"]
    sheet.append(header)
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
    sheet.column_dimensions["A"].width = 30
    workbook.save(output)


def movements_workbook(*, cluster_year, output: BinaryIO) -> None:
    """The year's movements, one row each, with response count and total contribution (đồng)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "phong_trao"
    sheet.append(
        [
            "name", "theme", "launched_by", "launching_unit", "level", "scope", "kind",
            "document_number", "starts_on", "ends_on", "occasion", "response_count", "amount_vnd",
        ]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for movement in movements_of(cluster_year=cluster_year):
        sheet.append(
            [
                movement.name,
                movement.theme,
                movement.get_launched_by_display(),
                str(movement.launching_unit or ""),
                movement.get_level_display(),
                movement.get_scope_display(),
                movement.get_kind_display(),
                movement.document_number,
                movement.starts_on,
                movement.ends_on,
                movement.occasion,
                movement.response_count,
                movement.amount_total,
            ]
        )
    workbook.save(output)
