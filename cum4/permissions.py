"""Every permission decision of the product, as `rules` predicates.

Views call `has_perm` / `require_perm`, templates use `{% has_perm %}` (rules_tags), the admin
uses the same permission names. Objects: a Unit for unit rights, a ClusterYear for lead rights.
"""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied

from cum4.models import ClusterYear, Membership, Unit, User


@rules.predicate
def is_secretariat(user: User) -> bool:
    return bool(user.is_superuser or getattr(user, "role", None) == User.Role.SECRETARIAT)


@rules.predicate
def is_viewer(user: User) -> bool:
    return getattr(user, "role", None) == User.Role.VIEWER


@rules.predicate
def is_unit_leader(user: User) -> bool:
    return getattr(user, "role", None) == User.Role.LEADER and user.unit_id is not None


@rules.predicate
def works_in_unit(user: User, unit: Unit | None) -> bool:
    return unit is not None and getattr(user, "works_in_unit", False) and user.unit_id == unit.pk


@rules.predicate
def leads_unit(user: User, unit: Unit | None) -> bool:
    return unit is not None and is_unit_leader(user) and user.unit_id == unit.pk


def lead_unit_ids(cluster_year: ClusterYear) -> set[int]:
    """Units holding the lead or deputy-lead role of the cluster year (cached on the object)."""
    cached = getattr(cluster_year, "_lead_unit_ids", None)
    if cached is None:
        cached = set(
            Membership.objects.filter(
                cluster_year=cluster_year,
                role__in=[Membership.Role.LEAD, Membership.Role.DEPUTY],
            ).values_list("unit_id", flat=True)
        )
        cluster_year._lead_unit_ids = cached
    return cached


@rules.predicate
def is_cluster_lead(user: User, cluster_year: ClusterYear | None) -> bool:
    """The leader of the unit that leads (or deputises for) the cluster in that year."""
    if cluster_year is None or not is_unit_leader(user):
        return False
    return user.unit_id in lead_unit_ids(cluster_year)


@rules.predicate
def is_cluster_member(user: User, cluster_year: ClusterYear | None) -> bool:
    if cluster_year is None or not getattr(user, "works_in_unit", False):
        return False
    return Membership.objects.filter(cluster_year=cluster_year, unit_id=user.unit_id).exists()


# Unit workspace: its drafts, tasks and data entry.
rules.add_perm("cum4.view_unit_workspace", works_in_unit | is_secretariat)
rules.add_perm("cum4.sign_for_unit", leads_unit)
# The lead's pages of a cluster year (review, approve, phases, vote, ranking).
rules.add_perm("cum4.lead_cluster_year", is_cluster_lead | is_secretariat)
# Approved figures and rankings of a cluster year: its members, the lead, viewers, secretariat.
rules.add_perm(
    "cum4.view_cluster_year", is_cluster_member | is_cluster_lead | is_viewer | is_secretariat
)
rules.add_perm("cum4.administer", is_secretariat)


def require_perm(user: User, perm: str, obj: object | None = None) -> None:
    """Raise 403 unless `user` has `perm` on `obj`."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied
