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


def unit_roles(user: User) -> dict[int, str]:
    """Cluster year id → the role of the user's unit that year, in one query, cached on the
    user object (which lives for one request): pages check several of these predicates."""
    cached = getattr(user, "_unit_roles", None)
    if cached is None:
        cached = dict(
            Membership.objects.filter(unit_id=user.unit_id).values_list("cluster_year_id", "role")
        ) if user.unit_id else {}
        user._unit_roles = cached
    return cached


@rules.predicate
def is_cluster_lead(user: User, cluster_year: ClusterYear | None) -> bool:
    """The leader of the unit that leads (or deputises for) the cluster in that year."""
    return leads_cluster_year_id(user, cluster_year.pk if cluster_year is not None else None)


def leads_cluster_year_id(user: User, cluster_year_id: int | None) -> bool:
    """`is_cluster_lead` given the cluster year's id (a page that read only the id needs no
    query for the cluster year itself)."""
    if cluster_year_id is None or not is_unit_leader(user):
        return False
    return unit_roles(user).get(cluster_year_id) in (Membership.Role.LEAD, Membership.Role.DEPUTY)


@rules.predicate
def is_cluster_member(user: User, cluster_year: ClusterYear | None) -> bool:
    if cluster_year is None or not getattr(user, "works_in_unit", False):
        return False
    return cluster_year.pk in unit_roles(user)


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
