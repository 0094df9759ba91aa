"""What awards add to the shell: navigation, cluster links, the registration task, the
registrations waiting for the lead's review, the statistics task, the award history on a
person's page, the demo step."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cum4.models import Unit, User
from cum4.permissions import is_secretariat, is_unit_leader, is_viewer
from cum4.registry import ClusterLink, DemoLoader, NavItem, ReviewItem, Task, registry
from emulation.awards import demo
from emulation.awards.models import Registration
from emulation.awards.notifications import registration_deadlines
from emulation.awards.selectors import person_award_panel, registrations_waiting_review
from emulation.awards.statistics.selectors import statistics_tasks
from emulation.movements.selectors.deadlines import registration_deadline
from emulation.staff.views import PERSON_PANELS


def _registration_task(*, user: User, unit: Unit, today: dt.date) -> list[Task]:
    """Until the unit's registration of the year is signed: register by the deadline; once
    the lead returns it: correct it and sign again."""
    year = today.year
    state = (
        Registration.objects.filter(unit=unit, year=year).values_list("state", flat=True).first()
    )
    url = reverse("emulation:registration_detail", args=[unit.code, year])
    due = registration_deadline(year=year)
    if state == Registration.State.RETURNED:
        return [
            Task(
                label=_("The emulation registration %(year)s was returned: correct it")
                % {"year": year},
                url=url,
                due=due,
                state="returned",
            )
        ]
    if state in (Registration.State.SUBMITTED, Registration.State.ACCEPTED):
        return []
    return [
        Task(
            label=_("Register the emulation titles of %(year)s") % {"year": year},
            url=url,
            due=due,
            state="late" if due and today > due else "due",
        )
    ]


def registrations_to_review(*, cluster_years) -> list[ReviewItem]:
    """Registrations signed by the members of the led cluster years, to accept or return."""
    return [
        ReviewItem(
            _("Emulation registration %(year)s of %(unit)s to review")
            % {"year": registration.year, "unit": registration.unit},
            reverse("emulation:registration_detail", args=[registration.unit.code,
                                                           registration.year]),
            registration.signed_at,
        )
        for registration in registrations_waiting_review(cluster_years=cluster_years)
    ]


def register() -> None:
    group = "emulation"
    registry.add_nav(
        NavItem(gettext_lazy("Registrations"), "emulation:registration_home", order=41, group=group)
    )
    registry.add_nav(
        NavItem(gettext_lazy("Decisions"), "emulation:decision_list", order=42, group=group)
    )
    registry.add_nav(
        NavItem(gettext_lazy("Statistics"), "emulation:statistics_current", order=48, group=group)
    )
    registry.add_nav(
        NavItem(gettext_lazy("Emulation law"), "emulation:rules", order=49, group=group,
                visible=lambda user: bool(  # the predicates, not has_perm: no permission query
                    is_secretariat(user) or is_unit_leader(user) or is_viewer(user)))
    )
    registry.add_cluster_link(
        ClusterLink(
            gettext_lazy("Registrations of the units"),
            "emulation:registration_overview",
            order=40,
            visible=lambda user, cluster_year: user.has_perm(
                "emulation.view_cluster_registrations", cluster_year
            ),
        )
    )
    registry.add_cluster_link(
        ClusterLink(
            gettext_lazy("Yearly statistics"),
            "emulation:statistics",
            order=48,
            visible=lambda user, cluster_year: user.has_perm("emulation.view_movements", cluster_year),
        )
    )
    registry.add_unit_tasks(_registration_task)
    registry.add_review_queue(
        registrations_to_review,
        title=gettext_lazy("Registrations waiting for review"),
        order=40,
    )
    registry.add_deadline_provider(registration_deadlines)
    registry.add_unit_tasks(statistics_tasks)
    PERSON_PANELS.append(person_award_panel)
    registry.add_demo_loader(DemoLoader("staff, registrations and decisions", demo.load, order=200))
