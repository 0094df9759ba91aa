"""Reminders of the year-end dossiers, registered with the core's reminders
(`cum4.notifications`), before and after their dated deadlines (`CycleDeadline`):

- the units' dossiers (`unit_dossier`): each member unit that has not marked its dossier
  sent, to its staff and leader;
- the cluster's dossier (`cluster_dossier`): each cluster year whose dossier is not complete
  (every piece frozen), to its lead and deputy.

A constant number of queries per year recalled, whatever the number of units."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cum4.models import ClusterYear, Membership, User
from cum4.notifications import selectors as recipients
from cum4.notifications.reminders import reminder_stage, reminder_years
from cum4.registry import Deadline
from emulation.dossier import law
from emulation.dossier.models import Dossier, UnitDossier

UNIT_DOSSIER_TEXT = _("the award dossier %(year)s of %(unit)s to the cluster's lead")
DOSSIER_TEXT = _("the award dossier %(year)s of %(cluster)s")


def unit_dossier_deadlines(*, today: dt.date) -> list[Deadline]:
    """Member units of a year that have not sent their dossier, when its deadline is recalled
    on `today`."""
    deadlines: list[Deadline] = []
    for year in reminder_years(today):
        deadline = law.dossier_deadline(kind=law.UNIT, year=year)
        if deadline is None or reminder_stage(deadline.day, today) is None:
            continue
        sent = set(UnitDossier.objects.filter(cluster_year__year=year)
                   .values_list("cluster_year_id", "unit_id"))
        pending = [m for m in Membership.objects.filter(cluster_year__year=year)
                   .select_related("unit", "cluster_year__cluster").order_by("pk")
                   if (m.cluster_year_id, m.unit_id) not in sent]
        people = recipients.unit_people_by_unit(unit_ids=sorted({m.unit_id for m in pending}))
        deadlines += [
            Deadline(
                key=f"unit-dossier:{m.cluster_year.cluster.code}:{m.unit.code}:{year}",
                due=deadline.day,
                what=UNIT_DOSSIER_TEXT,
                params={"year": year, "unit": m.unit.name},
                url=reverse("emulation:dossier_home", args=[m.cluster_year.cluster.code, year]),
                recipients=tuple(people.get(m.unit_id, ())),
            )
            for m in pending
        ]
    return deadlines


def cluster_dossier_deadlines(*, today: dt.date) -> list[Deadline]:
    """Each cluster year whose award dossier is not complete, to its lead and deputy, when the
    cluster dossier's deadline is recalled on `today`."""
    deadlines: list[Deadline] = []
    for year in reminder_years(today):
        deadline = law.dossier_deadline(kind=law.CLUSTER, year=year)
        if deadline is None or reminder_stage(deadline.day, today) is None:
            continue
        complete = Dossier.objects.filter(kind=Dossier.Kind.CLUSTER, cluster_year__year=year,
                                          completed_at__isnull=False).values("cluster_year_id")
        cluster_years = list(ClusterYear.objects.filter(year=year).exclude(pk__in=complete)
                             .select_related("cluster").order_by("cluster__code"))
        leads: dict[int, list[User]] = {}
        units = Membership.objects.filter(
            cluster_year__in=cluster_years,
            role__in=[Membership.Role.LEAD, Membership.Role.DEPUTY],
        ).values_list("unit_id", "cluster_year_id")
        years_of_unit: dict[int, list[int]] = {}
        for unit_id, cy_id in units:
            years_of_unit.setdefault(unit_id, []).append(cy_id)
        for person in recipients.unit_leaders(unit_ids=sorted(years_of_unit)):
            for cy_id in years_of_unit[person.unit_id]:
                leads.setdefault(cy_id, []).append(person)
        deadlines += [
            Deadline(
                key=f"dossier:{cy.cluster.code}:{year}",
                due=deadline.day,
                what=DOSSIER_TEXT,
                params={"year": year, "cluster": cy.cluster.name},
                url=reverse("emulation:dossier_home", args=[cy.cluster.code, year]),
                recipients=tuple(leads.get(cy.pk, ())),
            )
            for cy in cluster_years
        ]
    return deadlines
