"""Reporting periods of a year, computed from the dated quarter windows.

Quarters are entered; 6 months, 9 months and the year are derived from them, never entered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cum4.models import QuarterWindow
from cum4.period_codes import (
    DERIVED_CODES,
    PERIOD_CODES,
    PERIOD_LABELS,
    PERIOD_QUARTERS,
    QUARTER_CODES,
)
from cum4.request_memo import remembered


class NoReportingRule(LookupError):
    """No quarter window is in force for the year asked."""


@dataclass(frozen=True)
class Period:
    year: int
    code: str
    start: dt.date
    end: dt.date
    unit_deadline: dt.date
    cluster_deadline: dt.date
    legal_basis: str

    @property
    def quarters(self) -> tuple[int, ...]:
        return PERIOD_QUARTERS[self.code]

    @property
    def is_derived(self) -> bool:
        return self.code in DERIVED_CODES

    @property
    def label(self) -> str:
        return str(PERIOD_LABELS[self.code])

    def __str__(self) -> str:
        return f"{self.label} {self.year}"


def _windows_for_year(year: int) -> dict[int, QuarterWindow]:
    # A page asks several times (the reporting year, each app's tasks): one query a request.
    rows = remembered(
        ("quarter-windows", year),
        lambda: list(
            QuarterWindow.objects.in_force_on(dt.date(year, 1, 1)).order_by("quarter", "-valid_from")
        ),
    )
    windows: dict[int, QuarterWindow] = {}
    for row in rows:
        windows.setdefault(row.quarter, row)
    missing = [q for q in range(1, 5) if q not in windows]
    if missing:
        raise NoReportingRule(f"No quarter window in force on 01/01/{year} for quarters {missing}.")
    return windows


def _quarter_period(year: int, window: QuarterWindow) -> Period:
    start_year = year - 1 if window.start_in_previous_year else year
    return Period(
        year=year,
        code=f"q{window.quarter}",
        start=dt.date(start_year, window.start_month, window.start_day),
        end=dt.date(year, window.end_month, window.end_day),
        unit_deadline=dt.date(year, window.unit_deadline_month, window.unit_deadline_day),
        cluster_deadline=dt.date(year, window.cluster_deadline_month, window.cluster_deadline_day),
        legal_basis=window.legal_basis,
    )


def periods_of_year(year: int) -> dict[str, Period]:
    """Every period of `year` keyed by code (q1..q4, 6m, 9m, year), in that order.

    A derived period runs from its first quarter's start to its last quarter's end and takes the
    deadlines of its last quarter. Built once per request (a page's tasks ask for it several
    times); a new dict each call, of frozen periods.
    """
    return dict(remembered(("periods-of-year", year), lambda: _periods_of_year(year)))


def _periods_of_year(year: int) -> dict[str, Period]:
    windows = _windows_for_year(year)
    quarters = {f"q{q}": _quarter_period(year, windows[q]) for q in range(1, 5)}
    result = dict(quarters)
    for code in DERIVED_CODES:
        first, last = quarters[f"q{PERIOD_QUARTERS[code][0]}"], quarters[f"q{PERIOD_QUARTERS[code][-1]}"]
        result[code] = Period(
            year=year,
            code=code,
            start=first.start,
            end=last.end,
            unit_deadline=last.unit_deadline,
            cluster_deadline=last.cluster_deadline,
            legal_basis=last.legal_basis,
        )
    return result


def period_of(year: int, code: str) -> Period:
    if code not in PERIOD_QUARTERS:
        raise ValueError(f"Unknown period code {code!r}; use one of {', '.join(PERIOD_CODES)}.")
    return periods_of_year(year)[code]


def quarter_containing(day: dt.date) -> Period:
    """The quarter whose data window holds `day` (15/12 belongs to Q1 of the next year)."""
    for year in (day.year, day.year + 1):
        periods = periods_of_year(year)  # one query a year, not one a quarter
        for code in QUARTER_CODES:
            period = periods[code]
            if period.start <= day <= period.end:
                return period
    raise NoReportingRule(f"No quarter window holds {day:%d/%m/%Y}.")
