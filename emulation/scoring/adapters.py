"""The other parts scoring reads, through the interfaces of CONTRACT.md.

Both are looked up at call time so this app works (with no figures, no pending complaints)
before the reports and staff branches are merged, and picks them up as soon as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from cum4.models import Unit
from emulation.staff.selectors import consideration_hold, pending_complaints

Figures = dict[str, int | Decimal | None]


def approved_year_figures(*, units: Sequence[Unit], year: int) -> dict[int, Figures]:
    """Approved full-year figures by unit id (only APPROVED reports count; see CONTRACT.md).

    A constant number of queries whatever the number of units.
    """
    try:
        from cum4.reports.selectors import units_period_figures
    except ImportError:  # the reports part is not installed yet
        return {}
    figures = units_period_figures(units=list(units), year=year, period="year")
    return {unit_id: dict(item.values) for unit_id, item in figures.items()}


def pending_complaints_of(*, unit: Unit, on: dt.date) -> list:
    """Complaints or denunciations pending against `unit` itself on `on` (staff part)."""
    return list(pending_complaints(unit=unit, on=on))


def hold_note(*, unit: Unit, on: dt.date) -> str:
    """Why a proposal for `unit` is on hold ("tạm dừng xét", with its legal basis and the
    complaints under verification), or "" when nothing is pending (staff part)."""
    hold = consideration_hold(unit=unit, on=on)
    if hold is None:
        return ""
    return "\n".join([hold.reason, *(describe_pending(item) for item in hold.complaints)])


def describe_pending(item) -> str:
    """One line for a proposal: kind, reference, date received and summary."""
    kind = item.get_kind_display() if hasattr(item, "get_kind_display") else ""
    received = getattr(item, "received_on", None)
    parts = [str(kind), getattr(item, "reference", "") or "",
             f"({received:%d/%m/%Y})" if received else "", getattr(item, "summary", "") or ""]
    return " ".join(part for part in parts if part).strip() or str(item)
