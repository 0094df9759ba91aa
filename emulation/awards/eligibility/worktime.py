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


def days_worked(facts: Facts, person_id: int, year: int, counted: set[str]) -> int:
    """Days of `year` in post (any unit), less leave of kinds the rule does not count."""
    days: set[dt.date] = set()
    for first_day, last_day in facts.service.get(person_id, []):
        days.update(first_day + dt.timedelta(n) for n in range((last_day - first_day).days + 1))
    for row in facts.leave.get(person_id, []):
        if row.kind in counted:
            continue
        first_day = max(row.start, dt.date(year, 1, 1))
        last_day = min(row.end, dt.date(year, 12, 31))
        days.difference_update(
            first_day + dt.timedelta(n) for n in range((last_day - first_day).days + 1)
        )
    return len(days)



def time_worked_check(rule: TitleRule, person_id: int, year: int, facts: Facts) -> Check:
    counted = rule.counted_leave_kinds()
    days = days_worked(facts, person_id, year, counted)
    in_year = 366 if calendar.isleap(year) else 365
    months = Decimal(days * 12) / in_year
    need = rule.min_months_worked or 0
    uncounted = sorted(
        {row.get_kind_display() for row in facts.leave.get(person_id, []) if row.kind not in counted}
    )
    hint = ""
    if uncounted:
        hint = _("Not counted as time worked: %(kinds)s") % {"kinds": ", ".join(uncounted)}
    counted_names = ", ".join(str(LeaveKind(k).label) for k in sorted(counted) if k in LeaveKind.values)
    if counted_names:
        hint = "; ".join(filter(None, [hint, _("counted: %(kinds)s") % {"kinds": counted_names}]))
    return Check(
        _("Time worked in %(year)s: %(months)s months (at least %(need)s needed)")
        % {"year": year, "months": vn_number(months.quantize(Decimal("0.1")), 1), "need": need},
        months >= need,
        basis=rule.legal_basis,
        hint=hint,
    )
