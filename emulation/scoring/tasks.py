"""A unit's open scoring tasks for its home page (registry.add_unit_tasks)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _

from cum4.models import Unit, User
from cum4.registry import Task
from cum4.selectors import unit_memberships
from emulation.movements.selectors.deadlines import scoring_phase_deadlines
from emulation.scoring.models import NominationBallot, ScoringRound


def _due(deadlines: dict[int, dict[str, dt.date]], year: int, phase: str
         ) -> dt.date | None:
    if year not in deadlines:
        deadlines[year] = scoring_phase_deadlines(year=year)  # one query per year shown
    return deadlines[year].get(phase)


def _state(due: dt.date | None, today: dt.date) -> str:
    return "late" if due is not None and today > due else "due"


def scoring_tasks(*, user: User, unit: Unit, today: dt.date) -> list[Task]:
    """Self-scoring to do, and the ballot to cast (leaders), for the unit's open years, each
    with the phase's dated deadline (the cluster's regulation, `CycleDeadline`)."""
    tasks: list[Task] = []
    cluster_years = [m.cluster_year_id for m in unit_memberships(unit=unit)]
    if not cluster_years:
        return tasks
    rounds = list(ScoringRound.objects.filter(
        cluster_year_id__in=cluster_years,
        phase__in=[ScoringRound.Phase.SELF, ScoringRound.Phase.VOTE],
    ).select_related("cluster_year__cluster"))
    voted: set[int] = set()
    if user.role == User.Role.LEADER and any(r.phase == ScoringRound.Phase.VOTE for r in rounds):
        # Only a leader casts a ballot: the others' page needs no read of the ballots.
        voted = set(NominationBallot.objects.filter(voter=unit).values_list("cluster_year_id",
                                                                             flat=True))
    deadlines: dict[int, dict[str, dt.date]] = {}
    for round_ in rounds:
        cy = round_.cluster_year
        if round_.phase == ScoringRound.Phase.SELF:
            due = _due(deadlines, cy.year, round_.phase)
            tasks.append(Task(
                label=_("Self-score %(year)s") % {"year": cy.year},
                url=reverse("emulation:score_sheet", args=[cy.cluster.code, cy.year, unit.code]),
                due=due, state=_state(due, today)))
        elif user.role == User.Role.LEADER and cy.pk not in voted:
            due = _due(deadlines, cy.year, round_.phase)
            tasks.append(Task(
                label=_("Cast the nomination ballot %(year)s") % {"year": cy.year},
                url=reverse("emulation:vote", args=[cy.cluster.code, cy.year]),
                due=due, state=_state(due, today)))
    return tasks
