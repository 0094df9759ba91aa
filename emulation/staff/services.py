"""Writes of the staff register. Each validates (`full_clean`) and saves in a transaction;
the caller has already checked the user's right to act on the unit or person."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from cum4.models import Unit, User
from emulation.staff.models import (
    DisciplinaryMeasure,
    Initiative,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def staff_member_create(
    *,
    unit: Unit,
    code: str,
    full_name: str,
    position: str,
    leadership_level: str,
    start: dt.date,
    birth_year: int | None = None,
    by: User,
) -> StaffMember:
    """A new person in `unit` from `start` (their first assignment)."""
    member = _save(StaffMember(code=code, full_name=full_name, birth_year=birth_year))
    _save(
        StaffAssignment(
            staff_member=member,
            unit=unit,
            position=position,
            leadership_level=leadership_level,
            start=start,
        )
    )
    return member


def current_assignment(staff_member: StaffMember) -> StaffAssignment | None:
    return staff_member.assignments.select_related("unit").order_by("-start", "-pk").first()


@transaction.atomic
def staff_member_move(
    *,
    staff_member: StaffMember,
    unit: Unit,
    position: str,
    leadership_level: str,
    start: dt.date,
    by: User,
) -> StaffAssignment:
    """A new post from `start` (in the same or another unit): the open assignment ends the day
    before, so the person keeps one history."""
    current = current_assignment(staff_member)
    if current is not None:
        if start <= current.start:
            raise ValidationError(
                {"start": _("The new post must start after the current one (%(date)s).")
                 % {"date": current.start.strftime("%d/%m/%Y")}}
            )
        if current.end is None or current.end >= start:
            current.end = start - dt.timedelta(days=1)
            _save(current)
    return _save(
        StaffAssignment(
            staff_member=staff_member,
            unit=unit,
            position=position,
            leadership_level=leadership_level,
            start=start,
        )
    )


@transaction.atomic
def staff_member_leave(*, staff_member: StaffMember, end: dt.date, by: User) -> StaffAssignment:
    """The person leaves their current unit on `end` (retirement, transfer out of the sector)."""
    current = current_assignment(staff_member)
    if current is None or current.end is not None:
        raise ValidationError(_("This person has no open assignment."))
    current.end = end
    return _save(current)


@transaction.atomic
def rating_set(
    *, staff_member: StaffMember, year: int, rating: str, unit: Unit, by: User
) -> YearlyRating:
    """Record (or correct) the person's rating for the year, given by `unit`."""
    row = YearlyRating.objects.filter(staff_member=staff_member, year=year).first()
    row = row or YearlyRating(staff_member=staff_member, year=year)
    row.rating, row.unit = rating, unit
    return _save(row)


@transaction.atomic
def discipline_add(
    *, staff_member: StaffMember, year: int, level: str, decision_ref: str = "",
    reason: str = "", by: User,
) -> DisciplinaryMeasure:
    """Record a disciplinary measure of a year."""
    return _save(
        DisciplinaryMeasure(
            staff_member=staff_member, year=year, level=level, decision_ref=decision_ref,
            reason=reason,
        )
    )


@transaction.atomic
def initiative_add(
    *, staff_member: StaffMember, year: int, title: str, level: str, recognised_by: str = "",
    by: User,
) -> Initiative:
    """Record a recognised initiative with the reach of its effect."""
    return _save(
        Initiative(
            staff_member=staff_member, year=year, title=title, level=level,
            recognised_by=recognised_by,
        )
    )


class EditConflict(ValidationError):
    """Someone saved the record since it was loaded; `current` holds what is stored now."""

    def __init__(self, current: dict) -> None:
        super().__init__(_("Someone else changed this person since you opened the page."))
        self.current = current


PERSON_FIELDS = ("full_name", "birth_year", "note")


@transaction.atomic
def staff_member_update(
    *, staff_member: StaffMember, full_name: str, birth_year: int | None, note: str,
    loaded: dict, by: User,
) -> StaffMember:
    """Change a person's particulars. `loaded` are the values the editor started from: if the
    stored ones differ (another edit came first), nothing is saved and EditConflict says what
    is stored now."""
    member = StaffMember.objects.select_for_update().get(pk=staff_member.pk)
    current = {field: getattr(member, field) for field in PERSON_FIELDS}
    if any(current[field] != loaded.get(field) for field in PERSON_FIELDS):
        raise EditConflict(current)
    member.full_name, member.birth_year, member.note = full_name, birth_year, note
    return _save(member)


@transaction.atomic
def staff_carry_to_successor(*, unit: Unit, by: User | None = None) -> list[StaffAssignment]:
    """A ceased unit's current people move to its successor on the merger date (the day after
    `valid_to`), in the same post: their assignment there ends on `valid_to` and their history
    stays, so their eligibility from then on is under the successor."""
    if unit.valid_to is None or unit.successor_id is None:
        raise ValidationError(
            _("%(unit)s has no end date and successor: set both before carrying its staff.")
            % {"unit": unit}
        )
    merger = unit.valid_to + dt.timedelta(days=1)
    current = StaffAssignment.objects.filter(unit=unit, start__lte=unit.valid_to).filter(
        Q(end__isnull=True) | Q(end__gt=unit.valid_to)
    ).select_related("staff_member")
    carried = []
    for assignment in current:
        assignment.end = unit.valid_to
        _save(assignment)
        carried.append(
            _save(
                StaffAssignment(
                    staff_member=assignment.staff_member,
                    unit=unit.successor,
                    position=assignment.position,
                    leadership_level=assignment.leadership_level,
                    start=merger,
                )
            )
        )
    return carried
