"""What the staff and awards part adds to the shell: navigation, unit tasks, the demo step."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cum4.models import Unit, User
from cum4.permissions import is_secretariat
from cum4.registry import ClusterLink, DemoLoader, NavItem, Task, registry


def _registration_task(*, user: User, unit: Unit, today: dt.date) -> list[Task]:
    """Until the unit's registration of the year is signed: register by the deadline."""
    from emulation.models import Registration
    from emulation.selectors.awards import registration_deadline

    year = today.year
    if Registration.objects.filter(unit=unit, year=year, signed_at__isnull=False).exists():
        return []
    due = registration_deadline(year=year)
    return [
        Task(
            label=_("Register the emulation titles of %(year)s") % {"year": year},
            url=reverse("emulation:registration_detail", args=[unit.code, year]),
            due=due,
            state="late" if due and today > due else "due",
        )
    ]


def _sees_staff(user: User) -> bool:
    """Unit people and the secretariat; decided without a query (the nav is on every page)."""
    return bool(getattr(user, "works_in_unit", False) or is_secretariat(user))


def _load_demo() -> None:
    from emulation.demo_staff import load

    load()


def register() -> None:
    group = "emulation"
    registry.add_nav(
        NavItem(
            gettext_lazy("Staff"), "emulation:staff_home", order=40, visible=_sees_staff, group=group
        )
    )
    registry.add_nav(
        NavItem(gettext_lazy("Registrations"), "emulation:registration_home", order=41, group=group)
    )
    registry.add_nav(
        NavItem(gettext_lazy("Decisions"), "emulation:decision_list", order=42, group=group)
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
    registry.add_unit_tasks(_registration_task)
    registry.add_demo_loader(DemoLoader("staff, registrations and decisions", _load_demo, order=200))
