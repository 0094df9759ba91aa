"""Permissions of the staff register, built from the core predicates (cum4.permissions).

Objects: a Unit for its staff register, a StaffMember for one person (their current unit
decides), a UnitYear for a unit's registration and eligibility of a year (awards).
"""

from __future__ import annotations

from dataclasses import dataclass

import rules

from cum4.models import Unit, User
from cum4.permissions import (
    is_secretariat,
    leads_unit,
    works_in_unit,
)


@dataclass(frozen=True)
class UnitYear:
    unit: Unit
    year: int


def _unit_of(obj) -> Unit | None:
    """The unit an object belongs to: a unit, a unit-year, or a person's current unit."""
    if isinstance(obj, Unit):
        return obj
    if isinstance(obj, UnitYear):
        return obj.unit
    if obj is not None and hasattr(obj, "assignments"):
        cached = getattr(obj, "_current_unit", None)
        if cached is None:
            current = obj.assignments.select_related("unit").order_by("-start", "-pk").first()
            cached = obj._current_unit = current.unit if current else False
        return cached or None
    return None


@rules.predicate
def works_in_unit_of(user: User, obj) -> bool:
    return works_in_unit(user, _unit_of(obj))


@rules.predicate
def leads_unit_of(user: User, obj) -> bool:
    return leads_unit(user, _unit_of(obj))


# The staff register is internal to a unit (and the secretariat).
rules.add_perm("emulation.view_unit_staff", works_in_unit_of | is_secretariat)
rules.add_perm("emulation.edit_unit_staff", works_in_unit_of | is_secretariat)
