"""Reads of the cycle's dated deadlines (one model, `CycleDeadline`, for every kind)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from emulation.movements.models import CycleDeadline

Kind = CycleDeadline.Kind
# The scoring phases in their order, each with the deadline row that closes it.
SCORING_PHASE_KINDS: dict[str, str] = {
    "self": Kind.SELF_SCORING,
    "review": Kind.SCORING_REVIEW,
    "vote": Kind.SCORING_VOTE,
}
# Kinds read from the rule in force on 1 January (the year's plan sets them); the dossiers
# from the rule in force on 1 December, when they are prepared.
_READ_IN_JANUARY = {Kind.REGISTRATION, *SCORING_PHASE_KINDS.values()}


def _read_on(year: int, kind: str) -> dt.date:
    return dt.date(year, 1, 1) if kind in _READ_IN_JANUARY else dt.date(year, 12, 1)


def cycle_deadline_rule(*, year: int, kind: str, on: dt.date | None = None) -> CycleDeadline | None:
    """The rule row of `kind` for `year` (with its legal basis), in force on `on` (default 1
    January of the year for registrations and the scoring phases, 1 December for the
    dossiers, when they are prepared); None without a rule."""
    on = on or _read_on(year, kind)
    return CycleDeadline.objects.in_force_on(on).filter(kind=kind).order_by("-valid_from").first()


def cycle_deadline(*, year: int, kind: str, on: dt.date | None = None) -> dt.date | None:
    """The deadline of `kind` in `year`, by the rule `cycle_deadline_rule` finds."""
    row = cycle_deadline_rule(year=year, kind=kind, on=on)
    return row.due_in(year) if row else None


def cycle_deadlines_in_force(*, on: dt.date) -> QuerySet[CycleDeadline]:
    """Every deadline row in force on `on`, in the order of the year (month, day). One query."""
    return CycleDeadline.objects.in_force_on(on).order_by("month", "day", "kind", "-valid_from")


def registration_deadline(*, year: int) -> dt.date | None:
    """The registration deadline of a year, from the rule in force on 1 January of that year."""
    return cycle_deadline(year=year, kind=CycleDeadline.Kind.REGISTRATION)


def scoring_phase_deadlines(*, year: int) -> dict[str, dt.date]:
    """Scoring phase ("self", "review", "vote") → the day it must be closed in `year`, by the
    rules in force on 1 January of that year; a phase without a rule is left out. One query."""
    kinds = {kind: phase for phase, kind in SCORING_PHASE_KINDS.items()}
    rows = CycleDeadline.objects.in_force_on(dt.date(year, 1, 1)).filter(
        kind__in=list(kinds)).order_by("kind", "-valid_from")
    found: dict[str, dt.date] = {}
    for row in rows:
        found.setdefault(kinds[row.kind], row.due_in(year))
    return found


def dossier_deadline(*, year: int, kind: str = CycleDeadline.Kind.CLUSTER_DOSSIER) -> dt.date | None:
    """The year-end award dossier deadline (the cluster's by default), by the rule in force on
    1 December of the year."""
    return cycle_deadline(year=year, kind=kind)
