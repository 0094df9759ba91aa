"""Row and column layouts of the statistics forms, as dated data.

Each form's layout is valid from a date (the circular that issued it taking effect) and the
registry `catalogue.LAYOUTS` holds every known layout sorted by `valid_from`; `layouts_on(day)`
picks, per form, the one in force on the day the report is due. Today only Thông tư 2/2023/TT-BNV is
known (`tt02_2023`); Thông tư 18/2025/TT-BNV (08/10/2025) may replace it, but its forms have
not been read, so it is not registered: its layouts are a new module added to the catalogue.

Vietnamese labels are the forms' own wording, so they are data here, not translatable strings.
A row counts everything (`key=None`: the total), one value of a breakdown
(`key=(dimension, value)`), or is a heading without figures (`heading=True`). A column may be
split into "Tập thể" / "Cá nhân" leaves (`subjects`) and, where the form says "Mỗi hình thức
khen thưởng ghi riêng một cột", into one pair of leaves per form of award (`per_form`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

COLLECTIVE = "collective"
INDIVIDUAL = "individual"
SUBJECT_LABELS = {COLLECTIVE: "Tập thể", INDIVIDUAL: "Cá nhân"}


@dataclass(frozen=True)
class Column:
    number: int
    label: str
    key: str | None  # None: the total column (1)
    subjects: tuple[str, ...] = ()  # its "Tập thể" / "Cá nhân" leaves, in order
    per_form: bool = False  # one group of leaves per form of award actually counted
    numbering: str = ""  # what the column-number row prints when not the bare number

    @property
    def number_label(self) -> str:
        return self.numbering or str(self.number)


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    key: tuple[str, str] | None = None
    heading: bool = False
    indent: int = 0  # 1: a "+ " or "Trong đó:" row under the row above it
    unit: str = ""  # column C "Đơn vị tính" (forms 0602 and 0603)
    bold: bool = False


@dataclass(frozen=True)
class FormLayout:
    code: str  # "0601.N/BNV-TĐKT"
    short: str  # "0601"
    title: str
    valid_from: dt.date  # the issuing circular in force
    legal_basis: str  # the circular line printed under the form code
    column_group: str  # the unnumbered heading over columns 2..n
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    unit_label: str = ""  # "Đơn vị tính: …" over the table; "" = per row in column C
    # Every breakdown the form implies: (whole row, the rows that add up to it).
    partitions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # "Of which" rows: (part, whole) with part ≤ whole.
    subsets: tuple[tuple[str, str], ...] = ()
    # The reporting window: from (month, day) of the previous year to (month, day) of the year.
    window_from: tuple[int, int] = (1, 1)
    window_to: tuple[int, int] = (12, 31)
    receipt: tuple[int, int] = (12, 15)  # (month, day) the receiver gets it, by default

    @property
    def has_unit_column(self) -> bool:
        return not self.unit_label

    @property
    def data_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.heading]

    def window(self, year: int) -> tuple[dt.date, dt.date]:
        """The first and last day the report of `year` counts."""
        start_year = year - 1 if self.window_from > self.window_to else year
        return (
            dt.date(start_year, *self.window_from),
            dt.date(year, *self.window_to),
        )
