"""Reads of the cycle's dated deadlines (one model, `CycleDeadline`, for every kind)."""

from __future__ import annotations

import datetime as dt

from emulation.movements.models import CycleDeadline


def cycle_deadline_rule(*, year: int, kind: str, on: dt.date | None = None) -> CycleDeadline | None:
    """The rule row of `kind` for `year` (with its legal basis), in force on `on` (default 1
    January of the year for registrations, 1 December for the dossiers, when they are
    prepared); None without a rule."""
    if on is None:
        on = dt.date(year, 1, 1) if kind == CycleDeadline.Kind.REGISTRATION else dt.date(year, 12, 1)
    return CycleDeadline.objects.in_force_on(on).filter(kind=kind).order_by("-valid_from").first()


def cycle_deadline(*, year: int, kind: str, on: dt.date | None = None) -> dt.date | None:
    """The deadline of `kind` in `year`, by the rule `cycle_deadline_rule` finds."""
    row = cycle_deadline_rule(year=year, kind=kind, on=on)
    return row.due_in(year) if row else None


def registration_deadline(*, year: int) -> dt.date | None:
    """The registration deadline of a year, from the rule in force on 1 January of that year."""
    return cycle_deadline(year=year, kind=CycleDeadline.Kind.REGISTRATION)


def dossier_deadline(*, year: int, kind: str = CycleDeadline.Kind.CLUSTER_DOSSIER) -> dt.date | None:
    """The year-end award dossier deadline (the cluster's by default), by the rule in force on
    1 December of the year."""
    return cycle_deadline(year=year, kind=kind)
