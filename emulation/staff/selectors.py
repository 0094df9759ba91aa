"""Reads of the staff register."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from cum4.models import Unit
from emulation.models import (
    DecisionItem,
    DisciplinaryMeasure,
    Initiative,
    StaffAssignment,
    StaffMember,
    YearlyRating,
)


@dataclass
class StaffRow:
    staff_member: StaffMember
    assignment: StaffAssignment
    ratings: dict[int, str]  # year → rating code


def staff_of_unit(
    *, unit: Unit, on: dt.date, years: list[int], include_former: bool = False
) -> list[StaffRow]:
    """People in the unit on `on` (or who ever were, with `include_former`), by name, with
    their ratings for `years`. Three queries whatever the number of people."""
    qs = StaffAssignment.objects.filter(unit=unit).select_related("staff_member")
    if not include_former:
        qs = qs.filter(start__lte=on).filter(Q(end__isnull=True) | Q(end__gte=on))
    latest: dict[int, StaffAssignment] = {}
    for row in qs.order_by("staff_member_id", "-start", "-pk"):
        latest.setdefault(row.staff_member_id, row)
    ratings: dict[int, dict[int, str]] = {pid: {} for pid in latest}
    for pid, year, rating in YearlyRating.objects.filter(
        staff_member_id__in=list(latest), year__in=years
    ).values_list("staff_member_id", "year", "rating"):
        ratings[pid][year] = rating
    rows = [StaffRow(a.staff_member, a, ratings[pid]) for pid, a in latest.items()]
    return sorted(rows, key=lambda r: (r.staff_member.full_name, r.staff_member.code))


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
    """A person with their whole history: assignments, ratings, discipline, initiatives and
    awards (one query each)."""
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
            Prefetch(
                "decision_items",
                queryset=DecisionItem.objects.select_related("decision", "award", "unit"),
            ),
        )
        .first()
    )
