"""Reads of the dossier: the year's checklist (every component and its state), deadlines and
the late flag, one component with its relations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.utils import timezone

from cum4.models import ClusterYear, User
from emulation.dossier import law
from emulation.dossier.models import Component, Dossier, SignedCopy

STATES = ("missing", "drafted", "frozen", "signed")


@dataclass
class DossierRow:
    """One dossier of the checklist with its components (each annotated `signed_count`)."""

    dossier: Dossier
    components: list[Component]
    deadline: law.Deadline | None

    @property
    def late(self) -> bool:
        """Completed after its deadline, or still open once the deadline has passed."""
        if self.deadline is None:
            return False
        if self.dossier.completed_at is not None:
            return timezone.localdate(self.dossier.completed_at) > self.deadline.day
        return timezone.localdate() > self.deadline.day

    @property
    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(STATES, 0)
        for component in self.components:
            found[component.state] += 1
        return found


@dataclass
class Checklist:
    cluster_year: ClusterYear
    cluster: DossierRow | None
    proposals: list[DossierRow] = field(default_factory=list)

    @property
    def rows(self) -> list[DossierRow]:
        return ([self.cluster] if self.cluster else []) + self.proposals


def dossier_is_late(dossier: Dossier) -> bool:
    """Whether a dossier is (or will be, if still open today) past its dated deadline."""
    kind = law.CLUSTER if dossier.kind == Dossier.Kind.CLUSTER else law.UNIT
    return DossierRow(dossier, [], law.dossier_deadline(kind=kind,
                                                        year=dossier.cluster_year.year)).late


def checklist(*, cluster_year: ClusterYear, user: User | None = None) -> Checklist:
    """The cluster dossier and the proposals' dossiers of a year, each with its components
    and deadline; a unit's user sees its own proposal's dossier only, until the
    pieces are frozen. A constant number of queries."""
    components = Prefetch(
        "components",
        queryset=Component.objects.annotate(signed_count=Count("signed_copies"))
        .prefetch_related("signed_copies").order_by("pk"),
    )
    dossiers = list(
        Dossier.objects.filter(cluster_year=cluster_year)
        .select_related("unit", "proposal")
        .prefetch_related(components)
        .order_by("pk")
    )
    year = cluster_year.year
    cluster_deadline = law.dossier_deadline(kind=law.CLUSTER, year=year)
    unit_deadline = law.dossier_deadline(kind=law.UNIT, year=year)
    result = Checklist(cluster_year, None)
    for dossier in sorted(dossiers, key=_order):
        for component in dossier.components.all():
            component.dossier = dossier
            dossier.cluster_year = cluster_year
        row = DossierRow(dossier, list(dossier.components.all()),
                         cluster_deadline if dossier.kind == "cluster" else unit_deadline)
        if dossier.kind == Dossier.Kind.CLUSTER:
            result.cluster = row
        elif user is None or any(user.has_perm("emulation.view_component", c)
                                 for c in row.components):
            result.proposals.append(row)
    return result


def _order(dossier: Dossier) -> tuple:
    """The cluster's dossier, then the Cờ proposal, then the others by rank."""
    if dossier.proposal is None:
        return (0, 0, 0)
    return (1, dossier.proposal.award_code != "co_ttcp", dossier.proposal.rank or 0)


def component_get(*, pk: int) -> Component | None:
    return (Component.objects.select_related(
        "dossier__cluster_year__cluster", "dossier__unit", "dossier__proposal__unit",
        "dossier__proposal__cluster_year__cluster", "frozen_by", "drafted_by")
        .prefetch_related("signed_copies").filter(pk=pk).first())


def signed_copy_get(*, pk: int) -> SignedCopy | None:
    return SignedCopy.objects.select_related("component__dossier__cluster_year",
                                             "component__dossier__unit").filter(pk=pk).first()


def today() -> dt.date:
    return timezone.localdate()
