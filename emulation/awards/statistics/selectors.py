"""Facts of forms 0601.N–0603.N read from the records of a cluster year or of one unit.

Movements are this branch's models. Commendations come from the staff branch's decisions
(`Decision` with items to a unit or a staff member) through `statistics.awards`, which adapts
them to `AwardRecord`, so the counting never depends on their field names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from cum4.models import ClusterYear, Unit
from emulation.awards.statistics.awards import award_records_for_statistics
from emulation.awards.statistics.counting import (
    AwardRecord,
    Fact,
    FilledForm,
    duration_bucket,
    fill,
)
from emulation.awards.statistics.layouts import FORM_0601, FORM_0602, FORM_0603, award_column
from emulation.movements.models import Movement, MovementResponse, StatisticsDeadline


def movements_for_statistics(*, cluster_year: ClusterYear, unit: Unit | None = None) -> list[Movement]:
    """The cluster year's movements (all of them, or those a unit launched or responded to),
    by start date. Two queries at most, whatever the number of movements."""
    movements = Movement.objects.filter(cluster_year=cluster_year).select_related("launching_unit")
    if unit is not None:
        responded = MovementResponse.objects.filter(movement=OuterRef("pk"), unit=unit)
        movements = movements.filter(Q(launching_unit=unit) | Q(Exists(responded)))
    return list(movements.order_by("starts_on", "name"))


def movement_facts(movements: Iterable[Movement]) -> list[Fact]:
    return [
        Fact(
            column=movement.level,
            dims={
                "scope": movement.scope,
                "duration": duration_bucket(movement.starts_on, movement.ends_on),
                "method": movement.kind,
            },
            label=movement.name,
        )
        for movement in movements
    ]


def award_facts(records: Iterable[AwardRecord], form_short: str) -> list[Fact]:
    """Facts of one form (0602 or 0603) from award records; other levels are left out.
    An individual without a recorded leadership level counts as a direct worker."""
    facts = []
    for record in records:
        column = award_column(record.title_or_form_code, record.level)
        if column is None or column[0] != form_short:
            continue
        dims = {"subject": "collective" if record.collective else "individual", "method": record.method}
        if not record.collective:
            dims["leadership"] = record.leadership_level or "staff"
        facts.append(Fact(column=column[1], dims=dims, label=record.label))
    return facts


def award_records(*, cluster_year: ClusterYear, unit: Unit | None = None) -> list[AwardRecord]:
    """Award records of the year for the cluster's members (or one unit)."""
    return award_records_for_statistics(cluster_year=cluster_year, unit=unit)


def statistics_deadline(*, year: int) -> StatisticsDeadline | None:
    """The deadline rule for the statistics of `year`: the row in force on 31/12 of that year,
    else the earliest later row (the forms are then produced in today's layout)."""
    rows = StatisticsDeadline.objects.order_by("valid_from")
    end = dt.date(year, 12, 31)
    return rows.in_force_on(end).order_by("-valid_from").first() or rows.filter(valid_from__gt=end).first()


@dataclass
class StatisticsBundle:
    cluster_year: ClusterYear
    unit: Unit | None
    forms: list[FilledForm]
    deadline: StatisticsDeadline | None = None

    @property
    def reporter(self) -> str:
        return str(self.unit) if self.unit else str(self.cluster_year.cluster)


def statistics_for(*, cluster_year: ClusterYear, unit: Unit | None = None) -> StatisticsBundle:
    """Forms 0601.N, 0602.N and 0603.N of a year, for one unit or the whole cluster."""
    form_0601 = fill(FORM_0601, movement_facts(movements_for_statistics(cluster_year=cluster_year, unit=unit)))
    records = award_records(cluster_year=cluster_year, unit=unit)
    forms = [
        form_0601,
        fill(FORM_0602, award_facts(records, "0602")),
        fill(FORM_0603, award_facts(records, "0603")),
    ]
    return StatisticsBundle(
        cluster_year, unit, forms, statistics_deadline(year=cluster_year.year)
    )


def statistics_tasks(*, user, unit: Unit, today: dt.date) -> list:
    """A reminder on the unit's home page to send forms 0601.N–0603.N, from `reminder_days`
    before the due date until it (one query, and the unit's memberships the page reads once)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from cum4.registry import Task

    rule = statistics_deadline(year=today.year)
    if rule is None:
        return []
    due = rule.due_in(today.year)
    if not (due - dt.timedelta(days=rule.reminder_days) <= today <= due):
        return []
    from cum4.selectors import unit_memberships

    membership = next(
        (m for m in unit_memberships(unit=unit) if m.cluster_year.year == today.year), None
    )
    if membership is None:
        return []
    cluster_year = membership.cluster_year
    url = reverse("emulation:statistics", args=[cluster_year.cluster.code, cluster_year.year])
    return [
        Task(
            label=_("Send the yearly statistics forms 0601.N–0603.N of %(year)s") % {"year": today.year},
            url=f"{url}?unit={unit.code}",
            due=due,
            state="due",
        )
    ]
