"""Who hears of registrations, through the core's notifications (`cum4.notifications`).

- the review: signed (submitted) → the leaders of that year's cluster lead and deputy, who
  review it; accepted or returned (with the reason) → the unit's staff and leader. The person
  who acted is not told of their own act; each person's e-mail choice is kept by `notify`.
- the reminders: each member unit's registration of the year (the dated cycle deadline,
  25/03), to its staff and leader until the leader has signed it.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cum4.models import Membership, User
from cum4.notifications import selectors as recipients
from cum4.notifications.models import Notification
from cum4.notifications.reminders import reminder_stage, reminder_years
from cum4.notifications.services import Message, notify
from cum4.registry import Deadline
from emulation.awards.models import Registration, RegistrationEvent
from emulation.movements.selectors.deadlines import registration_deadline

REGISTRATION_TEXT = _("the emulation registration %(year)s of %(unit)s")

Action = RegistrationEvent.Action
Kind = Notification.Kind
EVENT_TEXTS = {
    Action.SUBMITTED: _("%(unit)s signed its emulation registration %(year)s: review it"),
    Action.RETURNED: _("The emulation registration %(year)s of %(unit)s was returned: %(comment)s"),
    Action.ACCEPTED: _("The emulation registration %(year)s of %(unit)s was accepted"),
}
EVENT_KINDS = {
    Action.SUBMITTED: Kind.REGISTRATION_SUBMITTED,
    Action.RETURNED: Kind.REGISTRATION_RETURNED,
    Action.ACCEPTED: Kind.REGISTRATION_ACCEPTED,
}


def registration_event_notify(
    *, registration: Registration, action: str, by: User | None, comment: str = ""
) -> None:
    """Tell whom `action` on `registration` concerns (nobody for a withdrawn signature)."""
    if action not in EVENT_TEXTS:
        return
    submitted = action == Action.SUBMITTED
    cluster_year_id = (
        Membership.objects.filter(unit_id=registration.unit_id, cluster_year__year=registration.year)
        .values_list("cluster_year_id", flat=True)
        .first()
        if submitted
        else None
    )
    notify(
        recipients=recipients.review_recipients(
            to_lead=submitted, unit_id=registration.unit_id, cluster_year_id=cluster_year_id,
            by=by,
        ),
        kind=EVENT_KINDS[action],
        message=Message(
            EVENT_TEXTS[action],
            {"unit": registration.unit.name, "year": registration.year, "comment": comment},
        ),
        url=reverse("emulation:registration_detail", args=[registration.unit.code,
                                                           registration.year]),
    )


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
        people = recipients.unit_people_by_unit(unit_ids=list(units))
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
