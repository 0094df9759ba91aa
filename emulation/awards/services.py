"""Writes of registrations, decisions and confirmed conditions. The caller has checked the
user's right to edit; these check the business rules (a signed registration is locked, a
title fits who receives it, the person belongs to the unit). The review steps of a
registration (sign, withdraw, accept, return) are in `emulation.awards.review`, which checks
the rights itself."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from cum4.models import Unit, User
from emulation.awards.models import (
    Award,
    ConditionConfirmation,
    Decision,
    DecisionItem,
    Registration,
    RegistrationItem,
)
from emulation.staff.models import StaffAssignment, StaffMember


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


def _check_recipient(award: Award, staff_member: StaffMember | None) -> None:
    if staff_member is None and not award.for_collectives:
        raise ValidationError(
            {"award": _("%(award)s is awarded to individuals: choose a person.") % {"award": award}}
        )
    if staff_member is not None and not award.for_individuals:
        raise ValidationError(
            {"award": _("%(award)s is awarded to collectives, not to a person.") % {"award": award}}
        )


def _check_member(staff_member: StaffMember, unit: Unit, year: int) -> None:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not StaffAssignment.objects.filter(
        Q(end__isnull=True) | Q(end__gte=start),
        staff_member=staff_member,
        unit=unit,
        start__lte=end,
    ).exists():
        raise ValidationError(
            {"staff_member": _("%(name)s did not work in %(unit)s in %(year)s.")
             % {"name": staff_member, "unit": unit, "year": year}}
        )


LOCKED = _("The registration is signed: ask the leader to withdraw the signature.")


def _bump_version(registration: Registration) -> None:
    """A change of the titles makes every open page's version stale (the leader signs what
    they saw); an update, so the history keeps the items' changes, not a row per bump."""
    Registration.objects.filter(pk=registration.pk).update(version=F("version") + 1)


@transaction.atomic
def registration_item_add(
    *, unit: Unit, year: int, award: Award, staff_member: StaffMember | None = None, by: User
) -> RegistrationItem:
    """Register a title for the unit (no person) or for one of its people; opens the unit's
    registration of the year if needed. Only while it is a draft or returned."""
    registration, _created = Registration.objects.select_for_update().get_or_create(
        unit=unit, year=year
    )
    if not registration.is_editable:
        raise ValidationError(LOCKED)
    _check_recipient(award, staff_member)
    if staff_member is not None:
        _check_member(staff_member, unit, year)
    if RegistrationItem.objects.filter(
        registration=registration, award=award, staff_member=staff_member
    ).exists():
        raise ValidationError(_("This title is already registered."))
    item = _save(RegistrationItem(registration=registration, award=award, staff_member=staff_member))
    _bump_version(registration)
    return item


@transaction.atomic
def registration_item_remove(*, item: RegistrationItem, by: User) -> None:
    """Remove a registered title while the registration is a draft or returned."""
    registration = Registration.objects.select_for_update().get(pk=item.registration_id)
    if not registration.is_editable:
        raise ValidationError(LOCKED)
    item.delete()
    _bump_version(registration)


@transaction.atomic
def decision_create(
    *, number: str, date: dt.date, authority: str, method: str, year: int, summary: str = "",
    document=None, proposer: str = "", by: User,
) -> Decision:
    """Record a commendation decision, with its scanned document if given (items come after).
    `proposer` ("ministry" | "province" | ""): who submitted a state-level award to the Prime
    Minister (form 0602.N, rows 02–03)."""
    return _save(
        Decision(
            number=number, date=date, authority=authority, method=method, year=year,
            summary=summary, document=document or "", proposer=proposer,
        )
    )


@transaction.atomic
def decision_proposer_set(*, decision: Decision, proposer: str, by: User) -> Decision:
    """Record (or clear, with "") who submitted the decision's state-level awards to the Prime
    Minister; refused on a decision whose awards are all below state level."""
    decision.proposer = proposer
    return _save(decision)


@transaction.atomic
def decision_item_add(
    *, decision: Decision, award: Award, unit: Unit, staff_member: StaffMember | None = None,
    by: User,
) -> DecisionItem:
    """Add an award granted by the decision to a unit or to a person of that unit."""
    _check_recipient(award, staff_member)
    if staff_member is not None:
        _check_member(staff_member, unit, decision.year)
    if DecisionItem.objects.filter(
        decision=decision, award=award, unit=unit, staff_member=staff_member
    ).exists():
        raise ValidationError(_("This award is already in the decision."))
    return _save(
        DecisionItem(decision=decision, award=award, unit=unit, staff_member=staff_member)
    )


@transaction.atomic
def condition_confirm(
    *,
    award: Award,
    year: int,
    unit: Unit,
    staff_member: StaffMember | None,
    condition: str,
    evidence: str,
    by: User,
) -> ConditionConfirmation:
    """Confirm, with its evidence, a condition the app cannot compute."""
    return _save(
        ConditionConfirmation(
            award=award, year=year, unit=unit, staff_member=staff_member, condition=condition,
            evidence=evidence, confirmed_by=by,
        )
    )


@transaction.atomic
def condition_withdraw(*, confirmation: ConditionConfirmation, by: User) -> None:
    """Take back a confirmation given by mistake."""
    confirmation.delete()


@transaction.atomic
def decision_item_remove(*, item: DecisionItem, by: User) -> None:
    """Remove an award entered by mistake from a decision."""
    item.delete()
