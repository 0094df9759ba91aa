"""The set-up checklist of the secretariat's home: what a new cluster needs before its year
can run, in the order of the README's "Setting up a real cluster"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cum4.models import Cluster, ClusterYear, Membership, Unit, User


@dataclass(frozen=True)
class SetupStep:
    key: str
    label: Any
    url: str
    done: bool
    hint: Any = ""


@dataclass(frozen=True)
class Checklist:
    year: int
    steps: list[SetupStep]

    @property
    def complete(self) -> bool:
        return all(step.done for step in self.steps)


def setup_checklist(*, year: int) -> Checklist:
    """The steps of setting up `year`: units, the cluster, the cluster year with its lead and
    deputy, the accounts (a leader for every member unit). Four queries."""
    has_units = Unit.objects.exists()
    has_cluster = Cluster.objects.exists()
    cluster_years = list(
        ClusterYear.objects.filter(year=year).annotate(
            leads=Count("memberships", filter=Q(memberships__role=Membership.Role.LEAD)),
            deputies=Count("memberships", filter=Q(memberships__role=Membership.Role.DEPUTY)),
        )
    )
    led = bool(cluster_years) and all(cy.leads and cy.deputies for cy in cluster_years)
    members_without_leader = (
        Membership.objects.filter(cluster_year__year=year)
        .exclude(
            unit__users__in=User.objects.filter(role=User.Role.LEADER, is_active=True)
        )
        .count()
        if cluster_years
        else 1
    )
    year_url = (
        reverse("admin:cum4_clusteryear_change", args=[cluster_years[0].pk])
        if len(cluster_years) == 1
        else reverse("admin:cum4_clusteryear_add") if not cluster_years
        else reverse("admin:cum4_clusteryear_changelist") + f"?year={year}"
    )
    steps = [
        SetupStep(
            "units", _("Enter the inspectorates (units)"),
            reverse("admin:cum4_unit_changelist"), has_units,
            _("One row each, or import them from Excel."),
        ),
        SetupStep(
            "cluster", _("Create the emulation cluster"),
            reverse("admin:cum4_cluster_changelist"), has_cluster,
        ),
        SetupStep(
            "cluster_year", _("Create the cluster year with its members, lead and deputy lead"),
            year_url, led,
            _("On the cluster year's page, add a membership per unit; one is the lead, one the deputy."),
        ),
        SetupStep(
            "accounts", _("Create the accounts: a leader (and staff) for every member unit"),
            reverse("admin:cum4_user_changelist"), not members_without_leader,
            _("Import them from Excel: each person gets a one-time link to set a password."),
        ),
    ]
    return Checklist(year, steps)
