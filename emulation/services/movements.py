"""Writes of movements: record a movement, a unit's response, its evidence files, reviews."""

from __future__ import annotations

import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from cum4.models import ClusterYear, Membership, Unit, User
from cum4.permissions import require_perm
from emulation.models import Movement, MovementEvidence, MovementResponse, MovementReview

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
# Extension → content type, and the first bytes a genuine file of that type starts with.
EVIDENCE_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (b"PK\x03\x04",),
    ),
    ".xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (b"PK\x03\x04",),
    ),
    ".doc": ("application/msword", (b"\xd0\xcf\x11\xe0",)),
    ".xls": ("application/vnd.ms-excel", (b"\xd0\xcf\x11\xe0",)),
}


def evidence_check(upload: UploadedFile) -> str:
    """Refuse files that are too large or not what their name says; returns the content type."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(
            _("The file %(name)s is larger than %(limit)s MB.")
            % {"name": upload.name, "limit": MAX_EVIDENCE_BYTES // (1024 * 1024)}
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in EVIDENCE_TYPES:
        raise ValidationError(
            _("The file %(name)s is not accepted: send PDF, Word, Excel, JPEG or PNG.")
            % {"name": upload.name}
        )
    content_type, signatures = EVIDENCE_TYPES[extension]
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(signatures):
        raise ValidationError(
            _("The file %(name)s is not a genuine %(ext)s file.")
            % {"name": upload.name, "ext": extension.lstrip(".").upper()}
        )
    return content_type


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


def movement_response_save(
    *,
    movement: Movement,
    unit: Unit,
    activities: str,
    results: str,
    amount_vnd: int,
    by: User,
) -> MovementResponse:
    """Create or update `unit`'s response to `movement`; only the unit's own people may."""
    require_perm(by, "emulation.edit_movement_response", unit)
    _require_member(movement.cluster_year, unit)
    with transaction.atomic():
        response = (
            MovementResponse.objects.select_for_update().filter(movement=movement, unit=unit).first()
            or MovementResponse(movement=movement, unit=unit)
        )
        response.activities = activities
        response.results = results
        response.amount_vnd = amount_vnd
        response.updated_by = by
        response.full_clean()
        response.save()
    return response


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
        )
        for upload in files:
            movement_evidence_add(response=response, upload=upload, by=by)
    return response
