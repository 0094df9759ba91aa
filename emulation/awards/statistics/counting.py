"""Filling a form layout from facts: pure functions, no database.

A fact is one thing the form counts (a movement, a commendation granted to one recipient):
the column it belongs to, its recipient kind and form of award (which leaf of the column),
and its value in each breakdown dimension (which rows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from emulation.awards.statistics.layouts import Column, FormLayout, Row


@dataclass(frozen=True)
class Fact:
    column: str
    dims: dict[str, str] = field(default_factory=dict)
    label: str = ""  # for the detail sheet: what was counted
    subject: str | None = None  # "collective" | "individual": the leaf of a split column
    form: str = ""  # the award's code, for a column with one group of leaves per form
    form_label: str = ""
    form_order: int = 0


@dataclass(frozen=True)
class Leaf:
    """A column of figures: a numbered column, or one of its Tập thể/Cá nhân (per form)."""

    column: int
    subject: str | None = None
    form: str = ""  # "" for a column not split by form, or a split column's unnamed pair
    form_label: str = ""

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.column, self.form, self.subject or "")


@dataclass
class FilledForm:
    layout: FormLayout
    leaves: list[Leaf]
    cells: dict[str, dict[tuple[int, str, str], int]]  # row code → leaf key → count
    facts: list[Fact]
    uncounted: list[str] = field(default_factory=list)  # records no column of the form takes
    notes: list[str] = field(default_factory=list)  # printed under the table (why a group is short)

    def value(self, row_code: str, column: int = 1) -> int:
        """A row's figure in a numbered column: column 1 is the sum of every leaf."""
        cells = self.cells[row_code]
        return sum(n for key, n in cells.items() if column == 1 or key[0] == column)

    def leaf_value(self, row_code: str, leaf: Leaf) -> int:
        return self.cells[row_code][leaf.key]

    def line(self, row: Row) -> list[int] | None:
        """The figures of a row as printed: column 1, then every leaf; None for a heading."""
        if row.heading:
            return None
        return [self.value(row.code), *(self.leaf_value(row.code, leaf) for leaf in self.leaves)]


def leaves_of(layout: FormLayout, facts: Iterable[Fact]) -> list[Leaf]:
    """The leaves of columns 2..n in order. A `per_form` column gets one group per form of
    award among the facts (by the award's order), or one unnamed group when none."""
    facts = list(facts)
    leaves: list[Leaf] = []
    for column in layout.columns[1:]:
        subjects: tuple[str | None, ...] = column.subjects or (None,)
        forms = [("", "")]
        if column.per_form:
            present = sorted(
                {(f.form_order, f.form, f.form_label) for f in facts if f.column == column.key}
            )
            forms = [(code, label) for _order, code, label in present] or forms
        for code, label in forms:
            leaves.extend(Leaf(column.number, subject, code, label) for subject in subjects)
    return leaves


def _leaf_for(column: Column, fact: Fact, leaves: list[Leaf]) -> Leaf:
    """The leaf a fact falls in: its form's group, its subject (a column with one subject
    takes every fact of its column, e.g. a Tập thể-only flag)."""
    own = [leaf for leaf in leaves if leaf.column == column.number]
    if column.per_form:
        own = [leaf for leaf in own if leaf.form == fact.form] or own
    return next((leaf for leaf in own if leaf.subject == fact.subject), own[0])


def fill(layout: FormLayout, facts: Iterable[Fact]) -> FilledForm:
    """Count each fact once in the total row and once in its row of each breakdown, under
    its leaf (column 1 being their sum). A fact whose column the form lacks is ignored; every
    cell of a row the facts never reach is 0."""
    columns = {column.key: column for column in layout.columns if column.key}
    facts = [fact for fact in facts if fact.column in columns]
    leaves = leaves_of(layout, facts)
    cells = {row.code: {leaf.key: 0 for leaf in leaves} for row in layout.data_rows}
    for fact in facts:
        leaf = _leaf_for(columns[fact.column], fact, leaves)
        for row in layout.data_rows:
            if row.key is None or fact.dims.get(row.key[0]) == row.key[1]:
                cells[row.code][leaf.key] += 1
    return FilledForm(layout, leaves, cells, facts)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def duration_bucket(starts_on: dt.date, ends_on: dt.date) -> str:
    """The 0601.N duration row of a movement running from `starts_on` to `ends_on` inclusive.

    Exactly one year (01/01–31/12, or any start to the day before its anniversary) is "1y"
    (row 07, D12); a day more is "Từ 1 năm đến dưới 3 năm"."""
    one_year = add_years(starts_on, 1) - dt.timedelta(days=1)
    if ends_on < one_year:
        return "lt1"
    if ends_on == one_year:
        return "1y"
    if ends_on < add_years(starts_on, 3) - dt.timedelta(days=1):
        return "1to3"
    if ends_on < add_years(starts_on, 5) - dt.timedelta(days=1):
        return "3to5"
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
    award_name: str = ""
    award_order: int = 0
    proposer: str = ""  # state level: who submitted it to the Prime Minister (ministry | province)
    decision_id: int | None = None
    decision_number: str = ""
