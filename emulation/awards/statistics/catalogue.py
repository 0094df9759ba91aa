"""Every known layout of the statistics forms, and the choice of the one in force by date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from emulation.awards.statistics.layouts import FormLayout
from emulation.awards.statistics.tt02_2023 import FORM_0601, FORM_0602, FORM_0603

# Sorted by valid_from. Thông tư 18/2025/TT-BNV's forms, once read, are appended here.
LAYOUTS: tuple[FormLayout, ...] = (FORM_0601, FORM_0602, FORM_0603)
FORM_ORDER = ("0601", "0602", "0603")


def layouts_on(day: dt.date, registry: Iterable[FormLayout] = LAYOUTS) -> dict[str, FormLayout]:
    """Form short code → the layout in force on `day`: the latest `valid_from` on or before it.
    A form with none in force yet gets its earliest layout (a year before the first known
    circular is produced in that circular's layout)."""
    ordered = sorted(registry, key=lambda layout: layout.valid_from)
    chosen: dict[str, FormLayout] = {}
    for layout in ordered:
        if layout.short not in chosen or layout.valid_from <= day:
            chosen[layout.short] = layout
    return chosen


def report_day(year: int) -> dt.date:
    """The day whose layouts the report of `year` uses: 15 December, when it is due."""
    return dt.date(year, 12, 15)
