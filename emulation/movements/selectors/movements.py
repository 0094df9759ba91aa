"""Reads of movements: a cluster year's list, one movement with every unit's response."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from cum4.models import ClusterYear, Unit, User
from cum4.registry import Task
from cum4.selectors import memberships_of, reporting_year_of, unit_memberships
from emulation.movements.models import Movement, MovementEvidence, MovementResponse, MovementReview


def movements_of(*, cluster_year: ClusterYear) -> QuerySet[Movement]:
    """The movements of a cluster year by start date, with their response count and the total
    amount contributed (đồng). One query."""
    return (
        Movement.objects.filter(cluster_year=cluster_year)
        .select_related("launching_unit")
        .annotate(
            response_count=Count("responses", distinct=True),
            amount_total=Coalesce(Sum("responses__amount_vnd"), 0),
        )
        .order_by("starts_on", "name")
    )


def movement_get(*, pk: int) -> Movement | None:
    return (
        Movement.objects.select_related("cluster_year__cluster", "launching_unit", "created_by")
        .filter(pk=pk)
        .first()
    )


@dataclass
class ResponseRow:
    unit: Unit
    response: MovementResponse | None
    can_edit: bool
    can_see_evidence: bool


def movement_responses(*, movement: Movement, user: User) -> list[ResponseRow]:
    """Every member unit of the movement's year with its response (or None), lead first.

    What the user may do is decided per row from the rules; queries do not grow with units."""
    responses = {
        response.unit_id: response
        for response in MovementResponse.objects.filter(movement=movement)
        .select_related("unit", "updated_by", "movement__cluster_year")
        .prefetch_related(
            Prefetch("evidence", queryset=MovementEvidence.objects.order_by("uploaded_at"))
        )
    }
    rows = []
    for membership in memberships_of(cluster_year=movement.cluster_year):
        response = responses.get(membership.unit_id)
        if response is not None:
            response.movement = movement  # the permission check reads the year; no new query
        rows.append(
            ResponseRow(
                unit=membership.unit,
                response=response,
                can_edit=user.has_perm("emulation.edit_movement_response", membership.unit),
                can_see_evidence=response is not None
                and user.has_perm("emulation.view_movement_evidence", response),
            )
        )
    return rows


def movement_reviews(*, movement: Movement) -> list[MovementReview]:
    return list(MovementReview.objects.filter(movement=movement).order_by("held_on"))


def evidence_get(*, pk: int) -> MovementEvidence | None:
    return (
        MovementEvidence.objects.select_related(
            "response__unit", "response__movement__cluster_year"
        )
        .filter(pk=pk)
        .first()
    )


def unit_movement_tasks(*, user: User, unit: Unit, today) -> list[Task]:
    """Open movements of the unit's current cluster years it has not answered yet, as tasks
    for its home page (due on the movement's end date). One query (and the unit's memberships
    the page reads once), none when the unit is in no cluster that year."""
    year = reporting_year_of(today)
    cluster_years = [
        m.cluster_year_id for m in unit_memberships(unit=unit) if m.cluster_year.year == year
    ]
    if not cluster_years:
        return []
    pending = (
        Movement.objects.filter(
            cluster_year_id__in=cluster_years,
            starts_on__lte=today,
        )
        .exclude(responses__unit=unit)
        .order_by("ends_on", "name")
    )
    tasks = []
    for movement in pending:
        state = "late" if movement.ends_on and movement.ends_on < today else "due"
        tasks.append(
            Task(
                label=_("Record the response to “%(name)s”") % {"name": movement.name},
                url=reverse("emulation:movement_detail", args=[movement.pk]),
                due=movement.ends_on,
                state=state,
            )
        )
    return tasks


def movements_report_extra(*, cluster_year: ClusterYear, period: str) -> list[dict] | None:
    """The "movements" extra of the cluster report (JSON): each movement of the year with the
    number of units that answered and the total contributed (đồng); None when there are none."""
    rows = [
        {
            "name": movement.name,
            "launched_by": movement.launched_by,
            "level": movement.level,
            "scope": movement.scope,
            "kind": movement.kind,
            "starts_on": movement.starts_on.isoformat(),
            "ends_on": movement.ends_on.isoformat() if movement.ends_on else None,
            "responses": movement.response_count,
            "amount_vnd": movement.amount_total,
        }
        for movement in movements_of(cluster_year=cluster_year)
    ]
    return rows or None
