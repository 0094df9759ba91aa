"""Commendation decisions (staff branch's `Decision` / `DecisionItem`) as `AwardRecord`s."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch

from cum4.models import ClusterYear, Unit
from emulation.awards.models import DecisionItem
from emulation.awards.statistics.counting import AwardRecord
from emulation.staff.models import StaffAssignment


def award_records_for_statistics(
    *, cluster_year: ClusterYear, window: tuple[dt.date, dt.date], unit: Unit | None = None
) -> list[AwardRecord]:
    """Every award granted by a decision dated within the reporting `window` (first and last
    day, inclusive), to a member unit of the cluster year (or `unit`) or to a person in it. A
    person counts under the leadership level of the assignment that covers the decision date
    (their unit's first, else any). Two queries."""
    items = DecisionItem.objects.filter(decision__date__range=window).select_related(
        "decision", "award", "staff_member"
    )
    if unit is not None:
        items = items.filter(unit=unit)
    else:
        items = items.filter(unit__memberships__cluster_year=cluster_year)
    items = items.prefetch_related(
        Prefetch("staff_member__assignments", queryset=StaffAssignment.objects.order_by("-start"))
    ).order_by("decision__date", "decision__number", "pk")
    records = []
    for item in items:
        level = None
        if item.staff_member is not None:
            day = item.decision.date
            covering = [a for a in item.staff_member.assignments.all() if a.covers(day)]
            covering.sort(key=lambda a: a.unit_id != item.unit_id)
            level = covering[0].leadership_level if covering else None
        records.append(
            AwardRecord(
                title_or_form_code=item.award_id,
                collective=item.staff_member_id is None,
                leadership_level=level,
                method=item.decision.method,
                level=item.award.level,
                award_name=item.award.name,
                award_order=item.award.sort_order,
                proposer=item.decision.proposer,
                decision_id=item.decision_id,
                decision_number=item.decision.number,
                label=f"{item.decision.number} ({item.decision.date:%d/%m/%Y}): {item.award} — "
                f"{item.staff_member or item.unit}",
            )
        )
    return records
