"""Excel files of scoring: the ranking and the criteria table.

The ranking file is written from the same `selectors.ranking` result as the page, so it
carries the ballots only once the vote is closed. Text cells are made formula-safe.
"""

from __future__ import annotations

from typing import BinaryIO

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from cum4.exports.tabular import Column, write_workbook
from emulation.scoring.selectors import Ranking


def ranking_workbook(*, ranking: Ranking, output: BinaryIO) -> None:
    """One sheet: rank, unit, total, each group's subtotal, change, votes (when closed)."""
    columns = [
        Column(_("Rank"), lambda row: row.rank, width=8),
        Column(_("Inspectorate"), lambda row: row.unit.name, width=32),
        Column(_("Total"), lambda row: float(row.total), width=10),
        *[Column(group.name, lambda row, code=group.code: float(row.groups[code]), width=18)
          for group in ranking.groups],
        Column(_("Change against last year"), lambda row: row.change, width=14),
    ]
    if ranking.vote.closed:
        columns.append(Column(_("Ballots"), lambda row: row.votes, width=10))
    write_workbook(output, title=_("Ranking %(year)s") % {"year": ranking.cluster_year.year},
                   columns=columns, rows=ranking.rows)


def workbook_rows(upload: BinaryIO) -> list[list]:
    """The rows of the first sheet of an uploaded .xlsx (values, not formulas)."""
    book = load_workbook(upload, read_only=True, data_only=True)
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
