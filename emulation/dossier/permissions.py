"""Who may do what with a dossier, as `rules` predicates over cum4.permissions.

Objects: a ClusterYear for the dossier as a whole, a Component for one document. A unit
drafts its own achievement report and statement; the lead drafts the cluster's pieces and
freezes every piece; the secretariat and the viewer read. A unit's leader marks the unit's
dossier sent to the lead; the lead sees who has sent. Before a unit's pieces are frozen
only that unit, the lead, the secretariat and the viewer read them; once frozen, every member.
"""

from __future__ import annotations

from dataclasses import dataclass

import rules
from django.core.exceptions import PermissionDenied

from cum4.models import ClusterYear, Unit
from cum4.permissions import (
    is_cluster_lead,
    is_cluster_member,
    is_secretariat,
    is_viewer,
    leads_unit,
    unit_roles,
    works_in_unit,
)
from emulation.dossier.models import Component

UNIT_KINDS = (Component.Kind.ACHIEVEMENT, Component.Kind.PENDING)


def _cluster_year(component: Component | None) -> ClusterYear | None:
    return component.dossier.cluster_year if component is not None else None


@rules.predicate
def is_units_piece(user, component: Component | None) -> bool:
    return component is not None and component.kind in UNIT_KINDS


@rules.predicate
def works_in_component_unit(user, component: Component | None) -> bool:
    return component is not None and works_in_unit(user, component.dossier.unit)


@rules.predicate
def leads_component_year(user, component: Component | None) -> bool:
    return is_cluster_lead(user, _cluster_year(component))


@rules.predicate
def member_of_component_year(user, component: Component | None) -> bool:
    return is_cluster_member(user, _cluster_year(component))


@rules.predicate
def component_frozen(user, component: Component | None) -> bool:
    return component is not None and component.is_frozen


rules.add_perm("emulation.view_dossier",
               is_cluster_lead | is_cluster_member | is_secretariat | is_viewer)
rules.add_perm("emulation.run_dossier", is_cluster_lead)
rules.add_perm("emulation.download_dossier", is_cluster_lead | is_secretariat | is_viewer)
rules.add_perm(
    "emulation.view_component",
    leads_component_year | is_secretariat | is_viewer
    | (is_units_piece & works_in_component_unit)
    | (component_frozen & member_of_component_year),
)
rules.add_perm(
    "emulation.edit_component",
    (is_units_piece & works_in_component_unit) | (~is_units_piece & leads_component_year),
)
rules.add_perm("emulation.freeze_component", leads_component_year)
rules.add_perm(
    "emulation.upload_signed_copy",
    leads_component_year | (is_units_piece & works_in_component_unit),
)


@dataclass(frozen=True)
class UnitDossierRef:
    """A member unit's dossier of a cluster year (the object of `send_unit_dossier`)."""

    cluster_year: ClusterYear
    unit: Unit


@rules.predicate
def leads_member_unit(user, ref: UnitDossierRef | None) -> bool:
    """The leader of that unit, a member of the cluster that year: who signs what it sends."""
    return (ref is not None and leads_unit(user, ref.unit)
            and ref.cluster_year.pk in unit_roles(user))


# Who has sent their dossier, and who has not: the lead, the secretariat, the viewer.
rules.add_perm("emulation.view_unit_dossiers", is_cluster_lead | is_secretariat | is_viewer)
rules.add_perm("emulation.send_unit_dossier", leads_member_unit)


def may(user, perm: str, obj=None) -> bool:
    """The rule itself, without Django's superuser shortcut: the secretariat administers the
    system (superusers) but does not author or freeze a unit's or the lead's documents, which
    carry their signer's responsibility. Used for every write of the dossier."""
    return bool(user.is_authenticated and user.is_active and rules.has_perm(perm, user, obj))


def require(user, perm: str, obj=None) -> None:
    if not may(user, perm, obj):
        raise PermissionDenied
