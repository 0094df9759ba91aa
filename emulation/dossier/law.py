"""What the dossier reads of the emulation law's records, in one place: the dated dossier
deadlines and the complaints or denunciations pending against a proposed unit or its people.

The law's rooms (emulation/staff, emulation/movements, emulation/awards) own these records;
when they change shape (one deadline model, the "tạm dừng xét" check) only this module follows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cum4.models import Unit
from emulation.movements.models import CycleDeadline
from emulation.movements.selectors.deadlines import cycle_deadline_rule
from emulation.staff.selectors import pending_complaints

CLUSTER = CycleDeadline.Kind.CLUSTER_DOSSIER
UNIT = CycleDeadline.Kind.UNIT_DOSSIER


@dataclass(frozen=True)
class Deadline:
    day: dt.date
    legal_basis: str


def dossier_deadline(*, kind: str, year: int) -> Deadline | None:
    """The day a dossier of `kind` (CLUSTER: 20/12; UNIT: 25/12 by the rows in force) is due
    in `year`, from the rule in force on 1 December of that year; None without a rule."""
    row = cycle_deadline_rule(year=year, kind=kind)
    return Deadline(row.due_in(year), row.legal_basis) if row else None


@dataclass(frozen=True)
class PendingLine:
    """One pending complaint or denunciation: against the unit itself (person "") or one of
    its people."""

    kind: str
    person: str
    reference: str
    received_on: dt.date
    summary: str


def pending_for(*, unit: Unit, on: dt.date) -> list[PendingLine]:
    """Complaints and denunciations pending on `on` against the unit, then against its people,
    each oldest first (one query, the same reader as the "tạm dừng xét" hold)."""
    return [
        PendingLine(kind=str(item.get_kind_display()),
                    person=item.staff_member.full_name if item.staff_member_id else "",
                    reference=item.reference, received_on=item.received_on, summary=item.summary)
        for item in pending_complaints(unit=unit, on=on, with_people=True)
    ]
