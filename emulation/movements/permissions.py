"""Permissions of movements, pledges and the yearly statistics (built on cum4.permissions).

Objects: a ClusterYear for cluster-wide rights, a Unit for a unit's own data, a
MovementResponse or MovementEvidence for a response's files.
"""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied

from cum4.permissions import (
    is_cluster_lead,
    is_cluster_member,
    is_secretariat,
    is_viewer,
    works_in_unit,
)


@rules.predicate
def works_in_response_unit(user, response) -> bool:
    return response is not None and works_in_unit(user, response.unit)


@rules.predicate
def leads_response_cluster(user, response) -> bool:
    return response is not None and is_cluster_lead(user, response.movement.cluster_year)


@rules.predicate
def works_in_judged_unit(user, judgement) -> bool:
    return judgement is not None and works_in_unit(user, judgement.unit)


@rules.predicate
def leads_judgement_cluster(user, judgement) -> bool:
    return judgement is not None and is_cluster_lead(user, judgement.target.pledge.cluster_year)


@rules.predicate
def leads_movement_cluster(user, movement) -> bool:
    return movement is not None and is_cluster_lead(user, movement.cluster_year)


@rules.predicate
def recorded_by_own_unit(user, movement) -> bool:
    """A movement the user's unit recorded (or launched) itself."""
    if movement is None or not getattr(user, "works_in_unit", False):
        return False
    recorder = getattr(movement.created_by, "unit_id", None) if movement.created_by_id else None
    return user.unit_id in (recorder, movement.launching_unit_id)


can_view_cluster_year = is_cluster_member | is_cluster_lead | is_viewer | is_secretariat

# Movements of a cluster year: everyone who reads the year lists them; members record new ones.
rules.add_perm("emulation.view_movements", can_view_cluster_year)
rules.add_perm("emulation.add_movement", is_cluster_member | is_cluster_lead | is_secretariat)
# Correcting a movement (obj: the Movement): the unit that recorded or launched it, the lead.
rules.add_perm(
    "emulation.change_movement", recorded_by_own_unit | leads_movement_cluster | is_secretariat
)
# A unit's response (obj: the Unit): only its own people write it, never another unit.
rules.add_perm("emulation.edit_movement_response", works_in_unit)
# A response's evidence files (obj: the MovementResponse): the unit, the lead, the secretariat.
rules.add_perm(
    "emulation.view_movement_evidence",
    works_in_response_unit | leads_response_cluster | is_secretariat,
)

# The pledge (obj: ClusterYear): read by the year's readers, written by the lead.
rules.add_perm("emulation.view_pledge", can_view_cluster_year)
rules.add_perm("emulation.manage_pledge", is_cluster_lead | is_secretariat)
# The evidence file of a judgement (obj: ManualJudgement): the unit judged, the lead, secretariat.
rules.add_perm(
    "emulation.view_judgement_evidence",
    works_in_judged_unit | leads_judgement_cluster | is_secretariat,
)
# Manual targets are judged by the cluster lead alone (not even the secretariat).
rules.add_perm("emulation.judge_pledge_target", is_cluster_lead)

# Statistics forms 0601–0603: a unit's own (obj: Unit), or the whole cluster (obj: ClusterYear).
rules.add_perm("emulation.export_unit_statistics", works_in_unit | is_secretariat)
rules.add_perm("emulation.export_cluster_statistics", is_cluster_lead | is_viewer | is_secretariat)


def may_judge_targets(user, cluster_year) -> bool:
    """The lead of that year only. Checked through `rules` directly because Django's
    `user.has_perm` grants superusers everything, and the secretariat must not judge."""
    return rules.has_perm("emulation.judge_pledge_target", user, cluster_year)


def require_judge(user, cluster_year) -> None:
    if not may_judge_targets(user, cluster_year):
        raise PermissionDenied
