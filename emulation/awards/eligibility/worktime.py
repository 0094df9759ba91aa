"""Time worked in the year, for the LĐTT minimum (10 months under Nghị định 91/2017/NĐ-CP,
06 months from 2024 under Thông tư 01/2024/TT-BNV): days in post in any unit, less leave of
the kinds the rule in force does not count (maternity leave and the others it lists count)."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from cum4.formatting import vn_number
from emulation.awards.eligibility.engine import Check, Facts
from emulation.awards.models import TitleRule
from emulation.staff.models import LeaveKind


def _merged(spans: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Inclusive date ranges as disjoint ones, in order (touching ranges joined)."""
    merged: list[tuple[dt.date, dt.date]] = []
    for first_day, last_day in sorted(spans):
        if last_day < first_day:
            continue
        if merged and first_day <= merged[-1][1] + dt.timedelta(1):
            if last_day > merged[-1][1]:
                merged[-1] = (merged[-1][0], last_day)
        else:
            merged.append((first_day, last_day))
    return merged


def _length(spans: list[tuple[dt.date, dt.date]]) -> int:
    return sum((last_day - first_day).days + 1 for first_day, last_day in spans)


def days_worked(facts: Facts, person_id: int, year: int, counted: set[str]) -> int:
    """Days of `year` in post (any unit), less leave of kinds the rule does not count: the
    days of the posts' union outside the uncounted leave's union, counted by range."""
    service = _merged(facts.service.get(person_id, []))
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    leave = _merged([
        (max(row.start, start), min(row.end, end))
        for row in facts.leave.get(person_id, [])
        if row.kind not in counted and row.start <= end and row.end >= start
    ])
    overlap = 0
    for first_day, last_day in service:
        for leave_first, leave_last in leave:
            low, high = max(first_day, leave_first), min(last_day, leave_last)
            if low <= high:
                overlap += (high - low).days + 1
    return _length(service) - overlap


def _counted_hint(rule: TitleRule, facts: Facts) -> tuple[set[str], str]:
    """The leave kinds the rule counts as time worked and their names (once per rule)."""

    def compute() -> tuple[set[str], str]:
        counted = rule.counted_leave_kinds()
        kinds = set(LeaveKind.values)
        names = ", ".join(str(LeaveKind(k).label) for k in sorted(counted) if k in kinds)
        return counted, _("counted: %(kinds)s") % {"kinds": names} if names else ""

    return facts.once(("counted_leave", rule.id), compute)


def time_worked_check(rule: TitleRule, person_id: int, year: int, facts: Facts) -> Check:
    counted, counted_hint = _counted_hint(rule, facts)
    days = days_worked(facts, person_id, year, counted)
    leave = facts.leave.get(person_id)
    uncounted = sorted({row.get_kind_display() for row in leave if row.kind not in counted}
                       ) if leave else []
    return facts.once(("worked", rule.id, year, days, tuple(uncounted)),
                      lambda: _worked_check(rule, year, days, uncounted, counted_hint, facts))


def _worked_check(rule: TitleRule, year: int, days: int, uncounted: list[str],
                  counted_hint: str, facts: Facts) -> Check:
    """The check of a time worked: the same for everybody with the same days and leave."""
    _ = facts.text  # the module's gettext, remembered per unit
    in_year = 366 if calendar.isleap(year) else 365
    months = Decimal(days * 12) / in_year
    need = rule.min_months_worked or 0
    hint = ""
    if uncounted:
        hint = _("Not counted as time worked: %(kinds)s") % {"kinds": ", ".join(uncounted)}
    if counted_hint:
        hint = f"{hint}; {counted_hint}" if hint else counted_hint
    return Check(
        _("Time worked in %(year)s: %(months)s months (at least %(need)s needed)")
        % {"year": year, "months": vn_number(months.quantize(Decimal("0.1")), 1), "need": need},
        months >= need,
        basis=rule.legal_basis,
        hint=hint,
    )
