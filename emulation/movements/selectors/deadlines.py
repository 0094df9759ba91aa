"""Reads of the cycle's dated deadlines."""

from __future__ import annotations

import datetime as dt

from emulation.movements.models import CycleDeadline


def registration_deadline(*, year: int) -> dt.date | None:
    """The registration deadline of a year, from the rule in force on 1 January of that year."""
    row = (
        CycleDeadline.objects.in_force_on(dt.date(year, 1, 1))
        .filter(kind=CycleDeadline.Kind.REGISTRATION)
        .order_by("-valid_from")
        .first()
    )
    return dt.date(year, row.month, row.day) if row else None
