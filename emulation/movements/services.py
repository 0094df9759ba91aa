"""Writes of movements (a movement, a unit's response, its evidence files, reviews) and of the
pledge (its targets, signing, judgements)."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from cum4.evidence import evidence_content_type
from cum4.formatting import vn_number
from cum4.models import ClusterYear, Membership, Unit, User
from cum4.permissions import require_perm
from emulation.movements.models import (
    ManualJudgement,
    Movement,
    MovementEvidence,
    MovementResponse,
    MovementReview,
    Pledge,
    PledgeTarget,
)
from emulation.movements.permissions import require_judge


def evidence_check(upload: UploadedFile) -> str:
    """Refuse files that are too large or not what their name says; returns the content type."""
    return evidence_content_type(upload)


def _require_member(cluster_year: ClusterYear, unit: Unit) -> None:
    if not Membership.objects.filter(cluster_year=cluster_year, unit=unit).exists():
        raise ValidationError(_("%(unit)s is not a member of the cluster in that year.") % {"unit": unit})


def movement_create(*, cluster_year: ClusterYear, data: dict[str, Any], by: User) -> Movement:
    """Record a movement in a cluster year (`data`: the model's editable fields)."""
    require_perm(by, "emulation.add_movement", cluster_year)
    movement = Movement(cluster_year=cluster_year, created_by=by, **data)
    movement.full_clean()
    with transaction.atomic():
        movement.save()
    return movement


def movement_update(*, movement: Movement, data: dict[str, Any], by: User) -> Movement:
    """Correct a recorded movement (`data`: the model's editable fields)."""
    require_perm(by, "emulation.change_movement", movement)
    for field, value in data.items():
        setattr(movement, field, value)
    movement.full_clean()
    with transaction.atomic():
        movement.save()
    return movement


def movement_response_save(
    *,
    movement: Movement,
    unit: Unit,
    activities: str,
    results: str,
    amount_vnd: int,
    by: User,
    seen_version: str | None = None,
) -> MovementResponse:
    """Create or update `unit`'s response to `movement`; only the unit's own people may.

    `seen_version` is the `version_of()` the editor started from ("" for a new response); when
    someone saved in between, the edit is refused with their version (code "conflict")."""
    require_perm(by, "emulation.edit_movement_response", unit)
    _require_member(movement.cluster_year, unit)
    with transaction.atomic():
        response = (
            MovementResponse.objects.select_for_update().filter(movement=movement, unit=unit).first()
            or MovementResponse(movement=movement, unit=unit)
        )
        if seen_version is not None and seen_version != version_of(response):
            raise ValidationError(
                _(
                    "%(user)s saved this response while you were editing it. Their version: "
                    "activities “%(activities)s”, results “%(results)s”, amount %(amount)s đồng. "
                    "Your text is kept below: save again to replace theirs."
                )
                % {
                    "user": response.updated_by or "—",
                    "activities": response.activities,
                    "results": response.results,
                    "amount": vn_number(response.amount_vnd),
                },
                code="conflict",
            )
        response.activities = activities
        response.results = results
        response.amount_vnd = amount_vnd
        response.updated_by = by
        response.full_clean()
        response.save()
    return response


def version_of(response: MovementResponse | None) -> str:
    """The version an editor starts from: the time of the last save, "" for none yet."""
    if response is None or response.pk is None or response.updated_at is None:
        return ""
    return response.updated_at.isoformat()


def movement_evidence_add(
    *, response: MovementResponse, upload: UploadedFile, by: User
) -> MovementEvidence:
    """Attach a checked file (size, type, content) to the unit's response."""
    require_perm(by, "emulation.edit_movement_response", response.unit)
    content_type = evidence_check(upload)
    evidence = MovementEvidence(
        response=response,
        original_name=os.path.basename(upload.name)[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=by,
    )
    evidence.file.save(os.path.basename(upload.name), upload, save=False)
    evidence.full_clean()
    with transaction.atomic():
        evidence.save()
    return evidence


def movement_review_save(
    *, movement: Movement, kind: str, held_on, summary: str, document_number: str, by: User
) -> MovementReview:
    """Record or update the mid-year or year-end review of a movement (the lead's task)."""
    require_perm(by, "emulation.manage_pledge", movement.cluster_year)
    with transaction.atomic():
        review = MovementReview.objects.filter(movement=movement, kind=kind).first() or MovementReview(
            movement=movement, kind=kind
        )
        review.held_on = held_on
        review.summary = summary
        review.document_number = document_number
        review.full_clean()
        review.save()
    return review


def movement_response_with_evidence(
    *,
    movement: Movement,
    unit: Unit,
    activities: str,
    results: str,
    amount_vnd: int,
    files: list[UploadedFile],
    by: User,
    seen_version: str | None = None,
) -> MovementResponse:
    """Save the response and attach its files, all or nothing: every file is checked first."""
    problems = []
    for upload in files:
        try:
            evidence_check(upload)
        except ValidationError as error:
            problems.extend(error.messages)
    if problems:
        raise ValidationError({"files": problems})
    with transaction.atomic():
        response = movement_response_save(
            movement=movement,
            unit=unit,
            activities=activities,
            results=results,
            amount_vnd=amount_vnd,
            by=by,
            seen_version=seen_version,
        )
        for upload in files:
            movement_evidence_add(response=response, upload=upload, by=by)
    return response


def current_version(*, movement: Movement, unit: Unit) -> str:
    """The stored version of `unit`'s response to `movement` ("" when there is none)."""
    return version_of(MovementResponse.objects.filter(movement=movement, unit=unit).first())


def pledge_save(
    *,
    cluster_year: ClusterYear,
    signed_on: dt.date,
    host_unit: Unit,
    theme: str,
    document_number: str = "",
    document: UploadedFile | None = None,
    by: User,
) -> Pledge:
    """Create or update the pledge of a cluster year (the lead or the secretariat); a new
    `document` (the signed pledge) replaces the old one after the same checks as evidence."""
    require_perm(by, "emulation.manage_pledge", cluster_year)
    if document is not None:
        evidence_check(document)
    with transaction.atomic():
        pledge = Pledge.objects.filter(cluster_year=cluster_year).first() or Pledge(
            cluster_year=cluster_year
        )
        pledge.signed_on = signed_on
        pledge.host_unit = host_unit
        pledge.theme = theme
        pledge.document_number = document_number
        if document is not None:
            pledge.document.save(document.name, document, save=False)
        pledge.full_clean()
        pledge.save()
    return pledge


def pledge_target_add(
    *,
    pledge: Pledge,
    title: str,
    kind: str,
    indicator_code: str = "",
    comparator: str = "",
    threshold: Decimal | None = None,
    period: str = "",
    by: User,
) -> PledgeTarget:
    """Append a target to the pledge (positions follow the order of entry)."""
    require_perm(by, "emulation.manage_pledge", pledge.cluster_year)
    manual = kind == PledgeTarget.Kind.MANUAL
    target = PledgeTarget(
        pledge=pledge,
        position=pledge.targets.count() + 1,
        title=title,
        kind=kind,
        indicator_code="" if manual else indicator_code,
        comparator="" if manual else comparator,
        threshold=None if manual else threshold,
        period="" if manual else period,
    )
    target.full_clean()
    with transaction.atomic():
        target.save()
    return target


def manual_target_judge(
    *,
    target: PledgeTarget,
    unit: Unit,
    status: str,
    evidence: str = "",
    evidence_file: UploadedFile | None = None,
    by: User,
) -> ManualJudgement:
    """The cluster lead records whether `unit` met a manual target, with its evidence."""
    cluster_year = target.pledge.cluster_year
    require_judge(by, cluster_year)
    if target.is_indicator:
        raise ValidationError(_("An indicator target is judged from approved figures, not by hand."))
    if not Membership.objects.filter(cluster_year=cluster_year, unit=unit).exists():
        raise ValidationError(_("%(unit)s is not a member of the cluster in that year.") % {"unit": unit})
    if status == ManualJudgement.Status.MET and not (evidence.strip() or evidence_file):
        raise ValidationError({"evidence": _("Say what shows that the target was met.")})
    if evidence_file is not None:
        evidence_check(evidence_file)
    with transaction.atomic():
        judgement = (
            ManualJudgement.objects.select_for_update().filter(target=target, unit=unit).first()
            or ManualJudgement(target=target, unit=unit)
        )
        judgement.status = status
        judgement.evidence = evidence
        judgement.judged_by = by
        if evidence_file is not None:
            judgement.evidence_file.save(evidence_file.name, evidence_file, save=False)
        judgement.full_clean()
        judgement.save()
    return judgement
