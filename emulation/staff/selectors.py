"""Reads of the staff register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from cum4.models import Unit
from emulation.staff.models import (
    ComplaintHoldRule,
    DisciplinaryMeasure,
    Initiative,
    PendingComplaint,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)

STAFF_PAGE_SIZE = 50


@dataclass
class StaffRow:
    staff_member: StaffMember
    assignment: StaffAssignment
    ratings: dict[int, str]  # year → rating code


def staff_of_unit(
    *, unit: Unit, on: dt.date, years: list[int], include_former: bool = False,
    query: str = "", page: str | int | None = None, per_page: int = STAFF_PAGE_SIZE,
) -> tuple[Page, list[StaffRow]]:
    """People in the unit on `on` (or who ever were, with `include_former`) whose name or code
    holds `query` (any case), by name: the page `page` of them, each with their latest
    assignment here and their ratings for `years`. Three queries whatever the number of
    people: who (their names only), the page's assignments, the page's ratings."""
    qs = StaffAssignment.objects.filter(unit=unit)
    if not include_former:
        qs = qs.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))
    latest: dict[int, tuple[int, str, str]] = {}  # person → (assignment, name, code)
    for pk, pid, name, code in qs.order_by("staff_member_id", "-start", "-pk").values_list(
        "pk", "staff_member_id", "staff_member__full_name", "staff_member__code"
    ):
        latest.setdefault(pid, (pk, name, code))
    needle = query.strip().casefold()
    found = sorted(
        (row for row in latest.values()
         if not needle or needle in row[1].casefold() or needle in row[2].casefold()),
        key=lambda row: (row[1], row[2]),
    )
    shown = Paginator(found, per_page).get_page(page)
    assignments = StaffAssignment.objects.select_related("staff_member").in_bulk(
        [pk for pk, _name, _code in shown.object_list]
    )
    ratings: dict[int, dict[int, str]] = {a.staff_member_id: {} for a in assignments.values()}
    for pid, year, rating in YearlyRating.objects.filter(
        staff_member_id__in=list(ratings), year__in=years
    ).values_list("staff_member_id", "year", "rating"):
        ratings[pid][year] = rating
    rows = [
        StaffRow(a.staff_member, a, ratings[a.staff_member_id])
        for a in (assignments[pk] for pk, _name, _code in shown.object_list)
    ]
    return shown, rows


def people_of_unit_in_year(*, unit: Unit, year: int):
    """People who worked in the unit at some time in the year (for choosing in forms)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return (
        StaffMember.objects.filter(
            Q(assignments__end__isnull=True) | Q(assignments__end__gte=start),
            assignments__unit=unit,
            assignments__start__lte=end,
        )
        .distinct()
        .order_by("full_name", "code")
    )


def staff_member_get(*, pk: int) -> StaffMember | None:
    """A person with their whole history: assignments, ratings, discipline and initiatives
    (one query each); the features above add theirs (`emulation.staff.views.PERSON_PANELS`)."""
    return (
        StaffMember.objects.filter(pk=pk)
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=StaffAssignment.objects.select_related("unit").order_by("-start", "-pk"),
            ),
            Prefetch("ratings", queryset=YearlyRating.objects.select_related("unit")),
            Prefetch("disciplinary_measures", queryset=DisciplinaryMeasure.objects.all()),
            Prefetch("initiatives", queryset=Initiative.objects.all()),
        )
        .first()
    )


def pending_complaints(
    *, unit: Unit | None = None, staff_member: StaffMember | None = None, on: dt.date,
    with_people: bool = False,
) -> list[PendingComplaint]:
    """Complaints or denunciations pending on `on` against the unit (itself, not its people)
    or against the person; both when both are given. Oldest first. `with_people`: those
    recorded at the unit against its people too, after the unit's own (the dossier's list)."""
    if unit is None and staff_member is None:
        raise ValueError("pending_complaints needs a unit or a staff member")
    target = Q()
    if unit is not None:
        target |= Q(unit=unit) if with_people else Q(unit=unit, staff_member__isnull=True)
    if staff_member is not None:
        target |= Q(staff_member=staff_member)
    complaints = list(
        PendingComplaint.objects.filter(target, PendingComplaint.pending_on(on))
        .select_related("unit", "staff_member")
        .order_by("received_on", "pk")
    )
    if with_people:
        complaints.sort(key=lambda item: item.staff_member_id is not None)  # stable: by date
    return complaints


@dataclass(frozen=True)
class PendingFlags:
    """Who has something pending on a date, for pages listing many people at once."""

    unit_ids: frozenset[int]
    staff_ids: frozenset[int]

    def unit(self, unit_id: int) -> bool:
        return unit_id in self.unit_ids

    def staff(self, staff_id: int | None) -> bool:
        return staff_id in self.staff_ids


def pending_flags(
    *, unit_ids: Iterable[int], on: dt.date, staff_ids: Iterable[int] = ()
) -> PendingFlags:
    """One query: the units (themselves) with a pending complaint, and the people with one:
    those of the units, and `staff_ids` wherever the complaint was recorded (the record follows
    the person to another unit)."""
    rows = (
        PendingComplaint.objects.filter(
            Q(unit_id__in=list(unit_ids)) | Q(staff_member_id__in=list(staff_ids)),
            PendingComplaint.pending_on(on),
        )
        .values_list("unit_id", "staff_member_id")
    )
    units: set[int] = set()
    staff: set[int] = set()
    for unit_id, staff_id in rows:
        if staff_id is None:
            units.add(unit_id)
        else:
            staff.add(staff_id)
    return PendingFlags(frozenset(units), frozenset(staff))


@dataclass(frozen=True)
class ConsiderationHold:
    """Why a unit or person is not proposed now: complaints or denunciations being verified
    (status "tạm dừng xét"), with the legal basis in force."""

    complaints: tuple[PendingComplaint, ...]
    legal_basis: str
    needs_confirmation: bool

    @property
    def reason(self) -> str:
        return hold_reason(legal_basis=self.legal_basis)


def hold_rule_in_force(*, on: dt.date) -> ComplaintHoldRule | None:
    return ComplaintHoldRule.objects.in_force_on(on).order_by("-valid_from").first()


def hold_reason(*, legal_basis: str = "") -> str:
    """The wording of a hold: what it is, not "awaiting an answer"."""
    text = _("On hold: a complaint or denunciation is under verification")
    return f"{text} ({legal_basis})" if legal_basis else text


def consideration_hold(
    *, unit: Unit | None = None, staff_member: StaffMember | None = None, on: dt.date
) -> ConsiderationHold | None:
    """The hold on proposing `unit` (itself) or `staff_member` (wherever they work now) on
    `on`, or None. Two queries. The commendation dossier and the proposals read this."""
    complaints = pending_complaints(unit=unit, staff_member=staff_member, on=on)
    if not complaints:
        return None
    rule = hold_rule_in_force(on=on)
    return ConsiderationHold(
        tuple(complaints),
        rule.legal_basis if rule else "",
        rule.needs_confirmation if rule else True,
    )
