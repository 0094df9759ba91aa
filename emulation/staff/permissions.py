"""Permissions of the emulation app, built from the core predicates (cum4.permissions).

Objects: a Unit for its staff register, a StaffMember for one person (their current unit
decides), a UnitYear for a unit's registration and eligibility of a year.
"""

from __future__ import annotations

from dataclasses import dataclass

import rules

from cum4.models import Membership, Unit, User
from cum4.permissions import (
    is_cluster_lead,
    is_secretariat,
    is_unit_leader,
    is_viewer,
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


@rules.predicate
def leads_cluster_of(user: User, unit_year: UnitYear | None) -> bool:
    """The user leads (or deputises for) a cluster in which the unit is a member that year."""
    if not isinstance(unit_year, UnitYear) or not is_unit_leader(user):
        return False
    return Membership.objects.filter(
        cluster_year__year=unit_year.year,
        unit_id=user.unit_id,
        role__in=[Membership.Role.LEAD, Membership.Role.DEPUTY],
        cluster_year__memberships__unit=unit_year.unit,
    ).exists()


# The staff register is internal to a unit (and the secretariat).
rules.add_perm("emulation.view_unit_staff", works_in_unit_of | is_secretariat)
rules.add_perm("emulation.edit_unit_staff", works_in_unit_of | is_secretariat)
# Registrations: the unit drafts, its leader signs, the year's cluster lead reads them all.
rules.add_perm(
    "emulation.view_registration",
    works_in_unit_of | leads_cluster_of | is_viewer | is_secretariat,
)
rules.add_perm("emulation.edit_registration", works_in_unit_of | is_secretariat)
rules.add_perm("emulation.sign_registration", leads_unit_of)
# Eligibility reads personal records: the unit, the year's lead, the secretariat.
rules.add_perm("emulation.view_eligibility", works_in_unit_of | leads_cluster_of | is_secretariat)
rules.add_perm("emulation.confirm_condition", leads_unit_of | is_secretariat)
# Decisions are public records; the secretariat enters them.
rules.add_perm("emulation.view_decisions", rules.is_authenticated)
rules.add_perm("emulation.manage_decisions", is_secretariat)
# Every unit's registrations of a cluster year: its lead, viewers, the secretariat.
rules.add_perm("emulation.view_cluster_registrations", is_cluster_lead | is_viewer | is_secretariat)
