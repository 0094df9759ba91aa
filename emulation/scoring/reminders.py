"""Reminders of the scoring phases' dated deadlines (`CycleDeadline` kinds self_scoring,
scoring_review, scoring_vote: the cluster's own regulation), registered with the core's
reminders (`cum4.notifications`), before and after the day each phase must be closed:

- self-scoring: each member unit that has not self-scored, to its staff and leader, while
  self-scoring is open (once closed they can no longer act);
- review: each sheet not reviewed, to the staff and leader of the peer unit assigned to it,
  while the review is open (the sheets the lead reviews are the lead's own reminder);
- vote: each member unit that has not cast its ballot, to its leader, while the vote is open;
- the lead and deputy of the cluster, for a phase they have not closed by then, with how
  many units have not done its step.

A constant number of queries per run whatever the number of units (`phase_progress`, the
recipients in one query per kind).
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cum4.models import Membership, User
from cum4.notifications import selectors as recipients
from cum4.notifications.reminders import reminder_stage, reminder_years
from cum4.registry import Deadline
from emulation.movements.selectors.deadlines import scoring_phase_deadlines
from emulation.scoring.models import ScoringRound
from emulation.scoring.selectors.progress import PhaseProgress, phase_progress

Phase = ScoringRound.Phase
UNIT_TEXTS = {
    Phase.SELF: _("the self-scoring %(year)s of %(unit)s"),
    Phase.REVIEW: _("the review of the scores %(year)s of %(unit)s"),
    Phase.VOTE: _("the nomination ballot %(year)s of %(unit)s"),
}
LEAD_TEXTS = {
    Phase.SELF: _("closing the self-scoring %(year)s of %(cluster)s (%(pending)s of "
                  "%(members)s units have not self-scored)"),
    Phase.REVIEW: _("closing the review of the scores %(year)s of %(cluster)s (%(pending)s "
                    "of %(members)s sheets not reviewed)"),
    Phase.VOTE: _("the final scoring and the vote %(year)s of %(cluster)s (%(pending)s of "
                  "%(members)s units have not voted)"),
}


def scoring_deadlines(*, today: dt.date) -> list[Deadline]:
    """The scoring steps still to do around `today`, when a phase's deadline is recalled."""
    deadlines: list[Deadline] = []
    for year in reminder_years(today):
        due_by_phase = {phase: due for phase, due in scoring_phase_deadlines(year=year).items()
                        if reminder_stage(due, today) is not None}
        if not due_by_phase:
            continue
        progress = [p for p in phase_progress(year=year) if p.phase != Phase.FINAL]
        if not progress:
            continue
        people = _people(progress, due_by_phase)
        for item in progress:
            for phase, due in due_by_phase.items():
                deadlines += _phase_deadlines(item, phase, due, people)
    return deadlines


def _people(progress: list[PhaseProgress], due_by_phase: dict[str, dt.date]
            ) -> dict[tuple[str, int], list[User]]:
    """("unit", unit id) → staff and leaders, ("leader", unit id) → leaders,
    ("lead", cluster year id) → the lead's and deputy's leaders: one query each."""
    unit_ids: set[int] = set()
    leader_ids: set[int] = set()
    for item in progress:
        if Phase.SELF in due_by_phase and item.phase == Phase.SELF:
            unit_ids |= {u.pk for u in item.not_self_scored}
        if Phase.REVIEW in due_by_phase and item.phase == Phase.REVIEW:
            unit_ids |= {r.pk for _u, r in item.not_reviewed if r is not None}
        if Phase.VOTE in due_by_phase and item.phase == Phase.VOTE:
            leader_ids |= {u.pk for u in item.not_voted}
    people: dict[tuple[str, int], list[User]] = {}
    for person in recipients.unit_people(unit_ids=sorted(unit_ids)) if unit_ids else []:
        people.setdefault(("unit", person.unit_id), []).append(person)
    for person in recipients.unit_leaders(unit_ids=sorted(leader_ids)) if leader_ids else []:
        people.setdefault(("leader", person.unit_id), []).append(person)
    leads = Membership.objects.filter(
        cluster_year_id__in=[item.cluster_year.pk for item in progress],
        role__in=[Membership.Role.LEAD, Membership.Role.DEPUTY],
    ).values_list("unit_id", "cluster_year_id")
    years_of_unit: dict[int, list[int]] = {}
    for unit_id, cy_id in leads:
        years_of_unit.setdefault(unit_id, []).append(cy_id)
    for person in recipients.unit_leaders(unit_ids=sorted(years_of_unit)) if years_of_unit else []:
        for cy_id in years_of_unit[person.unit_id]:
            people.setdefault(("lead", cy_id), []).append(person)
    return people


def _phase_deadlines(item: PhaseProgress, phase: str, due: dt.date,
                     people: dict[tuple[str, int], list[User]]) -> list[Deadline]:
    cy = item.cluster_year
    code, year = cy.cluster.code, cy.year
    found: list[Deadline] = []
    if item.phase == phase:  # the units' step can still be done
        if phase == Phase.SELF:
            pending = [(unit, unit, ("unit", unit.pk)) for unit in item.not_self_scored]
        elif phase == Phase.REVIEW:
            pending = [(unit, reviewer, ("unit", reviewer.pk))
                       for unit, reviewer in item.not_reviewed if reviewer is not None]
        else:
            pending = [(unit, unit, ("leader", unit.pk)) for unit in item.not_voted]
        for unit, actor, who in pending:
            url = (reverse("emulation:vote", args=[code, year]) if phase == Phase.VOTE
                   else reverse("emulation:score_sheet", args=[code, year, unit.code]))
            found.append(Deadline(
                key=f"scoring-{phase}:{code}:{year}:{actor.code}:{unit.code}",
                due=due, what=UNIT_TEXTS[phase], params={"year": year, "unit": unit.name},
                url=url, recipients=tuple(people.get(who, ())),
            ))
    if not item.is_past(phase):  # the lead has to close it
        pending_count = {Phase.SELF: len(item.not_self_scored),
                         Phase.REVIEW: len(item.not_reviewed),
                         Phase.VOTE: len(item.not_voted)}[phase]
        found.append(Deadline(
            key=f"scoring-{phase}-lead:{code}:{year}",
            due=due, what=LEAD_TEXTS[phase],
            params={"year": year, "cluster": cy.cluster.name, "pending": pending_count,
                    "members": len(item.members)},
            url=reverse("emulation:scoring_year", args=[code, year]),
            recipients=tuple(people.get(("lead", cy.pk), ())),
        ))
    return found
