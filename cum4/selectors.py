"""Reads of the core: memberships, leads and the current reporting year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from cum4.collation import by_unit
from cum4.models import ClusterYear, Membership, Unit, User
from cum4.periods import NoReportingRule, quarter_containing
from cum4.registry import ReviewItem, registry
from cum4.request_memo import remembered


def reporting_year_of(day: dt.date | None = None) -> int:
    """The reporting year whose data window holds `day` (today by default).

    15/12 onwards already belongs to the next year's Q1.
    """
    day = day or timezone.localdate()
    try:
        return quarter_containing(day).year
    except NoReportingRule:
        return day.year


def cluster_year_get(*, cluster_code: str, year: int) -> ClusterYear | None:
    """The cluster year with its cluster and what the apps read of every cluster year, all in
    one query."""
    return cluster_year_first(
        ClusterYear.objects.select_related("cluster").filter(cluster__code=cluster_code, year=year)
    )


def cluster_year_first(queryset: QuerySet[ClusterYear]) -> ClusterYear | None:
    """The first cluster year of `queryset`, with what the apps read of every cluster year
    (`registry.cluster_year_reads`) joined into the same query and primed on it."""
    for read in registry.cluster_year_reads:
        queryset = read.extend(queryset)
    cluster_year = queryset.first()
    if cluster_year is not None:
        for read in registry.cluster_year_reads:
            read.prime(cluster_year)
    return cluster_year


def memberships_of(*, cluster_year: ClusterYear) -> list[Membership]:
    """The members of a cluster year with their units, in the units' order (Vietnamese
    collation of the province, `cum4.collation`); the role is shown, not sorted on."""
    rows = Membership.objects.filter(cluster_year=cluster_year).select_related(
        "unit", "unit__successor"
    )
    return by_unit(rows, lambda membership: membership.unit)


def cluster_years_of_unit(*, unit: Unit) -> QuerySet[Membership]:
    """The unit's memberships, newest year first."""
    return (
        Membership.objects.filter(unit=unit)
        .select_related("cluster_year", "cluster_year__cluster")
        .order_by("-cluster_year__year")
    )


def cluster_years_visible_to(*, user: User) -> QuerySet[ClusterYear]:
    """Cluster years the user may read: all for secretariat and viewers, else their unit's."""
    qs = ClusterYear.objects.select_related("cluster").order_by("cluster__code", "-year")
    if user.is_superuser or user.role in (User.Role.SECRETARIAT, User.Role.VIEWER):
        return qs
    if user.unit_id:
        return qs.filter(memberships__unit_id=user.unit_id)
    return qs.none()


def default_cluster_year_for(
    *, user: User, cluster_code: str | None = None, today: dt.date | None = None
) -> ClusterYear | None:
    """The cluster year a menu entry opens for `user`: the current reporting year's when the
    user may see it, else the latest earlier one (a new year may not be set up yet), else the
    earliest later one; None when there is none. Among clusters, the first by code."""
    visible = cluster_years_visible_to(user=user)
    if cluster_code:
        visible = visible.filter(cluster__code=cluster_code)
    year = reporting_year_of(today)
    return (
        visible.filter(year__lte=year).order_by("-year", "cluster__code").first()
        or visible.order_by("year", "cluster__code").first()
    )


@dataclass(frozen=True)
class ReviewGroup:
    """One kind of thing waiting for the lead (reports, registrations…), oldest first."""

    title: Any
    items: list[ReviewItem]


def review_groups(*, user: User, led: list[ClusterYear] | None = None) -> list[ReviewGroup]:
    """What waits for the user as cluster lead (or deputy) in any year their unit leads
    (`led`, when the caller has them), one group per kind (`registry.review_queues`, in their
    order), each oldest first; none when the user leads no cluster year. One query per kind."""
    led = led_cluster_years(user=user) if led is None else led
    if not led:
        return []
    return [
        ReviewGroup(
            queue.title,
            sorted(
                queue.items(cluster_years=led),
                key=lambda item: (item.since is None, item.since),
            ),
        )
        for queue in registry.review_queues
    ]


def review_queue(*, user: User, led: list[ClusterYear] | None = None) -> list[ReviewItem]:
    """Everything that waits for the user as cluster lead (`review_groups`), oldest first."""
    items = [item for group in review_groups(user=user, led=led) for item in group.items]
    return sorted(items, key=lambda item: (item.since is None, item.since))


def unit_memberships(*, unit: Unit) -> list[Membership]:
    """The unit's memberships with their cluster years and clusters, in the memberships' order
    (cluster year, then unit name): one query a request, shared by the unit's open tasks of
    every app (each asks which years the unit is a member in)."""
    return remembered(
        ("unit-memberships", unit.pk),
        lambda: list(
            Membership.objects.filter(unit_id=unit.pk)
            .select_related("cluster_year__cluster")
            .order_by(*Membership._meta.ordering)
        ),
    )


def led_cluster_years(*, user: User) -> list[ClusterYear]:
    """Cluster years in which the user's unit holds the lead or deputy role, newest first, read
    from the unit's memberships of this request (no query of its own when the unit's tasks have
    read them)."""
    if not (user.is_authenticated and user.role == User.Role.LEADER and user.unit_id):
        return []
    leading = (Membership.Role.LEAD, Membership.Role.DEPUTY)
    years = [m.cluster_year for m in unit_memberships(unit=user.unit) if m.role in leading]
    return sorted(years, key=lambda cy: -cy.year)


def unit_is_member_in(*, unit: Unit, years: set[int]) -> bool:
    """Whether the unit belongs to a cluster in any of `years`."""
    return any(m.cluster_year.year in years for m in unit_memberships(unit=unit))
