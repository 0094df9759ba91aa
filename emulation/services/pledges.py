"""Writes of the pledge: sign it, add targets, and the lead's judgement of manual targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from cum4.models import ClusterYear, Membership, Unit, User
from cum4.permissions import require_perm
from emulation.models import ManualJudgement, Pledge, PledgeTarget
from emulation.permissions_pledges import require_judge
from emulation.services.movements import evidence_check


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
