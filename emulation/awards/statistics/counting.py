"""Filling a form layout from facts: pure functions, no database.

A fact is one thing the form counts (a movement, a commendation granted to one recipient):
the column it belongs to and its value in each breakdown dimension.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from emulation.awards.statistics.layouts import FormLayout


@dataclass(frozen=True)
class Fact:
    column: str
    dims: dict[str, str] = field(default_factory=dict)
    label: str = ""  # for the detail sheet: what was counted


@dataclass
class FilledForm:
    layout: FormLayout
    cells: dict[str, dict[int, int]]  # row code → column number → count
    facts: list[Fact]

    def value(self, row_code: str, column: int = 1) -> int:
        return self.cells[row_code][column]


def fill(layout: FormLayout, facts: Iterable[Fact]) -> FilledForm:
    """Count each fact once in the total row and once in its row of each breakdown, under its
    column and under column 1 (the total). A fact whose column the form lacks is ignored."""
    column_of = {column.key: column.number for column in layout.columns if column.key}
    cells = {
        row.code: {column.number: 0 for column in layout.columns}
        for row in layout.rows
        if not row.heading
    }
    counted: list[Fact] = []
    for fact in facts:
        number = column_of.get(fact.column)
        if number is None:
            continue
        counted.append(fact)
        for row in layout.rows:
            if row.heading:
                continue
            if row.key is None or fact.dims.get(row.key[0]) == row.key[1]:
                cells[row.code][number] += 1
                cells[row.code][1] += 1
    return FilledForm(layout, cells, counted)


def duration_bucket(starts_on: dt.date, ends_on: dt.date | None) -> str:
    """The 0601.N duration row of a movement: under 1 year, 1 to under 5, 5 or more, open."""
    if ends_on is None:
        return "open"
    days = (ends_on - starts_on).days + 1
    if days < 365:
        return "lt1"
    if days < 5 * 365:
        return "1to5"
    return "ge5"


@dataclass(frozen=True)
class AwardRecord:
    """One title or form granted to one recipient by a decision (what 0602/0603 count)."""

    title_or_form_code: str  # the codes of CONTRACT.md: "bk_ttcp", "cstd_bo", …
    collective: bool
    leadership_level: str | None  # individuals: province | department | division | staff
    method: str  # regular | thematic | ad_hoc | foreign | dedication | seniority | resistance
    level: str | None = None  # the award's level: state | ministry | grassroots
    label: str = ""
