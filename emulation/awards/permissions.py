"""Permissions of registrations, eligibility and decisions (objects: a UnitYear, a unit; a
Registration for the steps of its review)."""

from __future__ import annotations

import rules

from cum4.models import Membership, User
from cum4.permissions import (
    is_cluster_lead,
    is_secretariat,
    is_unit_leader,
    is_viewer,
    leads_unit,
)
from emulation.awards.models import Registration
from emulation.staff.permissions import UnitYear, leads_unit_of, works_in_unit_of


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


# Registrations: the unit drafts, its leader signs, the year's cluster lead reads them all.
rules.add_perm(
    "emulation.view_registration",
    works_in_unit_of | leads_cluster_of | is_viewer | is_secretariat,
)
rules.add_perm("emulation.edit_registration", works_in_unit_of | is_secretariat)
rules.add_perm("emulation.sign_registration", leads_unit_of)


# The review of one registration (object: a Registration): its unit's leader signs and so
# submits it, or withdraws the signature before the review; that year's cluster lead (or
# deputy) accepts it, or returns it with a reason, even after accepting it.
@rules.predicate
def leads_registration_unit(user: User, registration: Registration | None) -> bool:
    return isinstance(registration, Registration) and leads_unit(user, registration.unit)


@rules.predicate
def reviews_registration(user: User, registration: Registration | None) -> bool:
    return isinstance(registration, Registration) and leads_cluster_of(
        user, UnitYear(registration.unit, registration.year)
    )


@rules.predicate
def registration_is_editable(user: User, registration: Registration | None) -> bool:
    return isinstance(registration, Registration) and registration.is_editable


@rules.predicate
def registration_is_submitted(user: User, registration: Registration | None) -> bool:
    return (
        isinstance(registration, Registration)
        and registration.state == Registration.State.SUBMITTED
    )


@rules.predicate
def registration_is_accepted(user: User, registration: Registration | None) -> bool:
    return (
        isinstance(registration, Registration)
        and registration.state == Registration.State.ACCEPTED
    )


rules.add_perm("emulation.submit_registration", leads_registration_unit & registration_is_editable)
rules.add_perm(
    "emulation.withdraw_registration", leads_registration_unit & registration_is_submitted
)
# The state first: the lead's predicate costs a query, skipped for a draft.
rules.add_perm("emulation.accept_registration", registration_is_submitted & reviews_registration)
rules.add_perm(
    "emulation.return_registration",
    (registration_is_submitted | registration_is_accepted) & reviews_registration,
)
# Eligibility reads personal records: the unit, the year's lead, the secretariat.
rules.add_perm("emulation.view_eligibility", works_in_unit_of | leads_cluster_of | is_secretariat)
rules.add_perm("emulation.confirm_condition", leads_unit_of | is_secretariat)
# Decisions are public records; the secretariat enters them.
rules.add_perm("emulation.view_decisions", rules.is_authenticated)
rules.add_perm("emulation.manage_decisions", is_secretariat)
# Every unit's registrations of a cluster year: its lead, viewers, the secretariat.
rules.add_perm("emulation.view_cluster_registrations", is_cluster_lead | is_viewer | is_secretariat)
# The rules in force (law, not personal data): the secretariat, leaders, viewers.
rules.add_perm("emulation.view_rules", is_secretariat | is_unit_leader | is_viewer)
