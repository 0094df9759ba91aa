"""Writes of scores: self scores and evidence (the unit), review and agreed scores (the
reviewer and the lead), phases and cross-review assignments (the lead).

Who may write what follows the phase:
- self-scoring: the unit writes its self scores, notes and evidence; nobody reviews;
- review: the reviewer (the lead or the assigned peer unit) writes review scores, the lead
  the agreed ones; self scores are closed;
- vote and final: scores are locked, except the review of a unit reopened by an accepted
  complaint about its result.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from cum4.evidence import validate_evidence
from cum4.models import ClusterYear, Membership, Unit, User
from emulation.scoring import selectors
from emulation.scoring.models import Criterion, CrossReview, Score, ScoreEvidence, ScoringRound
from emulation.scoring.notifications import phase_opened_notify
from emulation.scoring.permissions import SheetRef

Phase = ScoringRound.Phase


@dataclass(frozen=True)
class SelfEntry:
    score: Decimal | None
    note: str = ""


@dataclass(frozen=True)
class ReviewEntry:
    score: Decimal | None
    note: str = ""
    agreed: Decimal | None = None
    agreed_note: str = ""


def sheet_ref(*, cluster_year: ClusterYear, unit: Unit) -> SheetRef:
    reviewer = selectors.reviewer_of(cluster_year=cluster_year, unit=unit)
    return SheetRef(cluster_year=cluster_year, unit=unit,
                    reviewer_id=reviewer.pk if reviewer else None)


def _round_for_update(cluster_year: ClusterYear) -> ScoringRound:
    round_, _created = ScoringRound.objects.select_for_update().get_or_create(
        cluster_year=cluster_year)
    cluster_year._scoring_round = round_
    return round_


def _criteria(cluster_year: ClusterYear, ids) -> dict[int, Criterion]:
    return {c.pk: c for c in Criterion.objects.filter(
        group__table__cluster_year=cluster_year, pk__in=list(ids))}


def _check_points(criterion: Criterion, value: Decimal | None, field: str,
                  errors: dict[str, list[str]]) -> None:
    if value is None:
        return
    if criterion.method == Criterion.Method.YES_NO and value not in (0, criterion.max_points):
        errors.setdefault(field, []).append(
            _("%(criterion)s is a yes/no criterion: 0 or %(max)s points.")
            % {"criterion": criterion.code, "max": criterion.max_points})
    elif not 0 <= value <= criterion.max_points:
        errors.setdefault(field, []).append(
            _("%(criterion)s: the score must be between 0 and %(max)s.")
            % {"criterion": criterion.code, "max": criterion.max_points})


def _check_stamp(cluster_year: ClusterYear, unit: Unit, expected: str | None) -> None:
    """Refuse a save prepared on an older version of the sheet (None: no check)."""
    if expected is None:
        return
    latest = Score.objects.filter(
        unit=unit, criterion__group__table__cluster_year=cluster_year
    ).aggregate(latest=Max("updated_at"))["latest"]
    current = latest.isoformat() if latest else ""
    if current != expected:
        raise ValidationError(
            _("Someone saved these scores after you opened the page. Nothing of yours was "
              "saved: the saved values are shown under your entries; check them and save "
              "again."), code="conflict")


def _check_membership(cluster_year: ClusterYear, unit: Unit) -> None:
    if not Membership.objects.filter(cluster_year=cluster_year, unit=unit).exists():
        raise ValidationError(_("%(unit)s is not a member of the cluster in %(year)s.")
                              % {"unit": unit, "year": cluster_year.year})


@transaction.atomic
def score_self_save(*, cluster_year: ClusterYear, unit: Unit,
                    entries: dict[int, SelfEntry], by: User, stamp: str | None = None) -> int:
    """Save the unit's self scores and notes (criterion id → entry); returns rows changed.

    Only while self-scoring is open; indicator criteria are computed, never typed. `stamp`
    (the sheet's stamp when the form was opened) refuses a save over a newer change.
    """
    if not by.has_perm("emulation.self_score", sheet_ref(cluster_year=cluster_year, unit=unit)):
        raise PermissionDenied
    _check_membership(cluster_year, unit)
    round_ = _round_for_update(cluster_year)
    if round_.phase != Phase.SELF:
        raise ValidationError(
            _("Self-scoring is closed (phase: %(phase)s); self scores can no longer change.")
            % {"phase": round_.get_phase_display()})
    _check_stamp(cluster_year, unit, stamp)
    criteria = _criteria(cluster_year, entries)
    errors: dict[str, list[str]] = {}
    for cid, entry in entries.items():
        criterion = criteria.get(cid)
        if criterion is None or criterion.is_computed:
            continue
        _check_points(criterion, entry.score, f"self_{cid}", errors)
    if errors:
        raise ValidationError(errors)
    changed = 0
    existing = {s.criterion_id: s for s in Score.objects.filter(unit=unit, criterion__in=criteria)}
    for cid, entry in entries.items():
        criterion = criteria.get(cid)
        if criterion is None or criterion.is_computed:
            continue
        score = existing.get(cid) or Score(unit=unit, criterion=criterion)
        if score.pk and (score.self_score, score.self_note) == (entry.score, entry.note):
            continue
        score.self_score, score.self_note = entry.score, entry.note
        score.full_clean()
        score.save()
        changed += 1
    return changed


@transaction.atomic
def score_review_save(*, cluster_year: ClusterYear, unit: Unit,
                      entries: dict[int, ReviewEntry], by: User, stamp: str | None = None
                      ) -> int:
    """Save review scores (the reviewer) and agreed scores (the lead); returns rows changed.

    Open in the review phase, and after finalising only for a unit whose review an accepted
    complaint reopened: those changes carry the complaint as their history reason.
    """
    ref = sheet_ref(cluster_year=cluster_year, unit=unit)
    if not by.has_perm("emulation.review_score", ref):
        raise PermissionDenied
    may_agree = by.has_perm("emulation.agree_score", ref)
    round_ = _round_for_update(cluster_year)
    reason = ""
    if round_.phase == Phase.FINAL:
        complaint = selectors.open_reopening(cluster_year=cluster_year, unit=unit)
        if complaint is None or not may_agree:
            raise ValidationError(
                _("The results are final: scores change only through an accepted complaint "
                  "about the result."))
        reason = _("Complaint #%(id)s accepted: %(answer)s") % {
            "id": complaint.pk, "answer": complaint.answer}
    elif round_.phase != Phase.REVIEW:
        raise ValidationError(
            _("Scores can be reviewed only in the review phase (phase: %(phase)s).")
            % {"phase": round_.get_phase_display()})
    _check_stamp(cluster_year, unit, stamp)
    criteria = _criteria(cluster_year, entries)
    errors: dict[str, list[str]] = {}
    for cid, entry in entries.items():
        criterion = criteria.get(cid)
        if criterion is None or criterion.is_computed:
            continue
        _check_points(criterion, entry.score, f"review_{cid}", errors)
        if may_agree:
            _check_points(criterion, entry.agreed, f"agreed_{cid}", errors)
    if errors:
        raise ValidationError(errors)
    existing = {s.criterion_id: s for s in Score.objects.filter(unit=unit, criterion__in=criteria)}
    changed = 0
    for cid, entry in entries.items():
        criterion = criteria.get(cid)
        if criterion is None or criterion.is_computed:
            continue
        score = existing.get(cid) or Score(unit=unit, criterion=criterion)
        before = (score.review_score, score.review_note, score.agreed_score, score.agreed_note)
        score.review_score, score.review_note = entry.score, entry.note
        if may_agree:
            score.agreed_score, score.agreed_note = entry.agreed, entry.agreed_note
        after = (score.review_score, score.review_note, score.agreed_score, score.agreed_note)
        if score.pk and before == after:
            continue
        score.full_clean()
        if reason:
            score._change_reason = reason[:100]
        score.save()
        changed += 1
    return changed


@transaction.atomic
def score_evidence_add(*, cluster_year: ClusterYear, unit: Unit, criterion: Criterion,
                       upload: UploadedFile, by: User) -> ScoreEvidence:
    """Attach an evidence file to the unit's score on a criterion (self-scoring only).

    The size (settings.EVIDENCE_MAX_BYTES), extension and content are checked first.
    """
    if not by.has_perm("emulation.self_score", sheet_ref(cluster_year=cluster_year, unit=unit)):
        raise PermissionDenied
    if criterion.group.table.cluster_year_id != cluster_year.pk:
        raise ValidationError(_("This criterion belongs to another year's table."))
    round_ = _round_for_update(cluster_year)
    if round_.phase != Phase.SELF:
        raise ValidationError(_("Evidence can be added only while self-scoring is open."))
    validate_evidence(upload)
    score, _created = Score.objects.get_or_create(unit=unit, criterion=criterion)
    evidence = ScoreEvidence(score=score, file=upload, original_name=upload.name[:255],
                             size=upload.size, uploaded_by=by)
    evidence.full_clean(exclude=["file"])
    evidence.save()
    return evidence


@transaction.atomic
def scoring_phase_set(*, cluster_year: ClusterYear, phase: str, by: User) -> ScoringRound:
    """Move the year's scoring to another phase (self, review or vote; final is reached
    only by finalising, and a final year does not move back)."""
    if not by.has_perm("emulation.run_scoring", cluster_year):
        raise PermissionDenied
    round_ = _round_for_update(cluster_year)
    if round_.phase == Phase.FINAL:
        raise ValidationError(_("The results are final; the phase can no longer change."))
    if phase not in (Phase.SELF, Phase.REVIEW, Phase.VOTE):
        raise ValidationError(_("Use “Finalise” to close the vote and lock the results."))
    if not selectors.table_tree(cluster_year=cluster_year).table:
        raise ValidationError(_("The year has no criteria table yet."))
    opened = round_.phase != phase
    round_.phase = phase
    round_.full_clean()
    round_.save()
    if opened:
        phase_opened_notify(cluster_year=cluster_year, phase=phase, by=by)
    return round_


@transaction.atomic
def cross_review_assign(*, cluster_year: ClusterYear, unit: Unit, reviewer: Unit | None,
                        by: User) -> CrossReview | None:
    """Assign a peer unit to review `unit` (None: the lead reviews it). Before the vote."""
    if not by.has_perm("emulation.run_scoring", cluster_year):
        raise PermissionDenied
    round_ = _round_for_update(cluster_year)
    if round_.phase not in (Phase.SELF, Phase.REVIEW):
        raise ValidationError(_("Reviewers can be assigned only before the vote."))
    _check_membership(cluster_year, unit)
    CrossReview.objects.filter(cluster_year=cluster_year, unit=unit).delete()
    if reviewer is None:
        return None
    _check_membership(cluster_year, reviewer)
    if reviewer.pk == unit.pk:
        raise ValidationError(_("A unit cannot review its own scores."))
    assignment = CrossReview(cluster_year=cluster_year, unit=unit, reviewer=reviewer)
    assignment.full_clean()
    assignment.save()
    return assignment
