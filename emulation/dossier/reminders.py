"""Reminders of the units' dossiers (the dated `unit_dossier` deadline), registered with the
core's reminders (`cum4.notifications`): before and after it, each member unit that has not
marked its dossier sent, to its staff and leader. Four queries per year recalled, whatever
the number of units."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cum4.models import Membership, User
from cum4.notifications import selectors as recipients
from cum4.notifications.reminders import reminder_stage, reminder_years
from cum4.registry import Deadline
from emulation.dossier import law
from emulation.dossier.models import UnitDossier

UNIT_DOSSIER_TEXT = _("the award dossier %(year)s of %(unit)s to the cluster's lead")


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
        people: dict[int, list[User]] = {}
        for person in recipients.unit_people(unit_ids=sorted({m.unit_id for m in pending})):
            people.setdefault(person.unit_id, []).append(person)
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
