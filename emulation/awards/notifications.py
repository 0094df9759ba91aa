"""Reminders of the awards' deadlines, registered with the core's reminders
(`cum4.notifications`): each member unit's registration of the year (the dated cycle deadline,
25/03), to its staff and leader until the leader has signed it."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cum4.models import Membership
from cum4.notifications import selectors as recipients
from cum4.notifications.reminders import reminder_stage, reminder_years
from cum4.registry import Deadline
from emulation.awards.models import Registration
from emulation.movements.selectors.deadlines import registration_deadline

REGISTRATION_TEXT = _("the emulation registration %(year)s of %(unit)s")


def registration_deadlines(*, today: dt.date) -> list[Deadline]:
    """Member units of a year whose registration is not signed, when its deadline is recalled
    on `today`."""
    deadlines: list[Deadline] = []
    for year in reminder_years(today):
        due = registration_deadline(year=year)
        if due is None or reminder_stage(due, today) is None:
            continue
        signed = Registration.objects.filter(year=year, signed_at__isnull=False).values("unit_id")
        units = {
            m.unit_id: m.unit
            for m in Membership.objects.filter(cluster_year__year=year)
            .exclude(unit_id__in=signed)
            .select_related("unit")
        }
        people: dict[int, list] = {}
        for person in recipients.unit_people(unit_ids=list(units)):
            people.setdefault(person.unit_id, []).append(person)
        deadlines += [
            Deadline(
                key=f"registration:{unit.code}:{year}",
                due=due,
                what=REGISTRATION_TEXT,
                params={"year": year, "unit": unit.name},
                url=reverse("emulation:registration_detail", args=[unit.code, year]),
                recipients=tuple(people.get(unit_id, ())),
            )
            for unit_id, unit in units.items()
        ]
    return deadlines
