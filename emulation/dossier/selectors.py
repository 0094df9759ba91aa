"""Reads of the dossier: the year's checklist (every component and its state), deadlines and
the late flag, one component with its relations, and which member units have sent their
dossier to the lead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.utils import timezone

from cum4.collation import by_unit
from cum4.models import ClusterYear, Membership, Unit, User
from emulation.dossier import law
from emulation.dossier.models import Component, Dossier, SignedCopy, UnitDossier

STATES = ("missing", "drafted", "frozen", "signed")
# The pieces a unit writes for its own proposals (the lead writes the cluster's).
UNIT_PIECES = (Component.Kind.ACHIEVEMENT, Component.Kind.PENDING)


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
    unit_deadline: law.Deadline | None = None  # of the units' dossiers

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
    result = Checklist(cluster_year, None, unit_deadline=unit_deadline)
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


@dataclass
class UnitDossierRow:
    """A member unit of the year: its dossier sent to the lead (None: not yet), its pieces of
    its proposals' dossiers, and the dated deadline of the units' dossiers."""

    unit: Unit
    role: str
    sent: UnitDossier | None
    pieces: list[Component]
    deadline: law.Deadline | None

    @property
    def late(self) -> bool:
        """Sent after the deadline, or not sent once it has passed (Vietnam days)."""
        if self.deadline is None:
            return False
        if self.sent is not None:
            return timezone.localdate(self.sent.sent_at) > self.deadline.day
        return timezone.localdate() > self.deadline.day


def unit_dossiers(*, cluster_year: ClusterYear, unit: Unit | None = None,
                  checklist: Checklist | None = None) -> list[UnitDossierRow]:
    """Every member unit of the year (only `unit` when given), in the one unit order, with
    whether and when its dossier was sent and its pieces' states. Five queries; two when the
    page's `checklist` (built for the same user) already holds the pieces and the deadline."""
    memberships = Membership.objects.filter(cluster_year=cluster_year).select_related("unit")
    if unit is not None:
        memberships = memberships.filter(unit=unit)
    sent = {row.unit_id: row for row in UnitDossier.objects.filter(
        cluster_year=cluster_year).select_related("sent_by")}
    pieces: dict[int, list[Component]] = {}
    if checklist is not None:
        deadline = checklist.unit_deadline
        for row in checklist.proposals:
            pieces.setdefault(row.dossier.unit_id, []).extend(
                c for c in row.components if c.kind in UNIT_PIECES)
    else:
        deadline = law.dossier_deadline(kind=law.UNIT, year=cluster_year.year)
        components = (
            Component.objects.filter(dossier__cluster_year=cluster_year,
                                     dossier__kind=Dossier.Kind.PROPOSAL, kind__in=UNIT_PIECES)
            .annotate(signed_count=Count("signed_copies")).prefetch_related("signed_copies")
            .select_related("dossier").order_by("pk")
        )
        if unit is not None:
            components = components.filter(dossier__unit=unit)
        for component in components:
            pieces.setdefault(component.dossier.unit_id, []).append(component)
    return [UnitDossierRow(m.unit, m.role, sent.get(m.unit_id), pieces.get(m.unit_id, []),
                           deadline)
            for m in by_unit(memberships, lambda membership: membership.unit)]
