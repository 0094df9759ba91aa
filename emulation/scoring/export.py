"""Excel files of scoring: the ranking and the criteria table.

The ranking file is written from the same `selectors.ranking` result as the page, so it
carries the ballots only once the vote is closed. Text cells are made formula-safe.
"""

from __future__ import annotations

from typing import BinaryIO

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from cum4.resources import SafeExportMixin
from emulation.scoring.selectors import Ranking


def _safe(value):
    if isinstance(value, str) and value.startswith(SafeExportMixin.DANGEROUS_PREFIXES):
        return "'" + value
    return value


def ranking_workbook(*, ranking: Ranking, output: BinaryIO) -> None:
    """One sheet: rank, unit, total, each group's subtotal, change, votes (when closed)."""
    book = Workbook()
    sheet = book.active
    sheet.title = str(ranking.cluster_year.year)
    header = [_("Rank"), _("Inspectorate"), _("Total"), *[g.name for g in ranking.groups],
              _("Change against last year")]
    if ranking.vote.closed:
        header.append(_("Ballots"))
    sheet.append([_safe(str(h)) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in ranking.rows:
        line = [row.rank, _safe(row.unit.name), float(row.total),
                *[float(row.groups[g.code]) for g in ranking.groups], row.change]
        if ranking.vote.closed:
            line.append(row.votes)
        sheet.append(line)
    sheet.column_dimensions["B"].width = 32
    book.save(output)


def rows_workbook(*, rows: list[list], title: str, output: BinaryIO) -> None:
    """A plain sheet of rows (header first)."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append([_safe(v) if isinstance(v, str) else (float(v) if v is not None and
                      not isinstance(v, (int, float, str)) else v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    book.save(output)


def workbook_rows(upload: BinaryIO) -> list[list]:
    """The rows of the first sheet of an uploaded .xlsx (values, not formulas)."""
    book = load_workbook(upload, read_only=True, data_only=True)
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
