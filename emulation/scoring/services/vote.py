"""Writes of the nomination vote, the finalisation and complaints about results.

Ballots: one per member unit, cast by its leader while the vote is open. A second ballot
from the same unit REPLACES the first (the unit may change its mind until the vote closes);
this holds on every page, in the admin and in the import. A unit may not vote for itself
unless the vote rule in force allows it.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cum4.models import ClusterYear, Membership, Unit, User
from emulation.movements.selectors.deadlines import dossier_deadline
from emulation.scoring import adapters, selectors
from emulation.scoring.models import (
    Criterion,
    NominationBallot,
    RankingProposal,
    ResultComplaint,
    ResultComplaintRule,
    Score,
    ScoringRound,
)
from emulation.scoring.services.scores import _round_for_update, sheet_ref

Phase = ScoringRound.Phase
FLAG_AWARD = "co_ttcp"  # Cờ thi đua của Thanh tra Chính phủ
MERIT_AWARD = "bk_ttcp"  # Bằng khen của Tổng Thanh tra Chính phủ


@transaction.atomic
def ballot_cast(*, cluster_year: ClusterYear, nominee: Unit, by: User) -> NominationBallot:
    """Cast (or replace) the ballot of the user's unit naming `nominee` as leading unit."""
    if not by.has_perm("emulation.cast_ballot", cluster_year):
        raise PermissionDenied
    round_ = _round_for_update(cluster_year)
    if round_.phase != Phase.VOTE:
        raise ValidationError(_("The vote is not open."))
    if not Membership.objects.filter(cluster_year=cluster_year, unit=nominee).exists():
        raise ValidationError(_("%(unit)s is not a member of the cluster this year.")
                              % {"unit": nominee})
    rule = selectors.vote_rule_for(cluster_year=cluster_year)
    if nominee.pk == by.unit_id and not (rule and rule.allow_self_vote):
        raise ValidationError(_("A unit may not vote for itself."))
    ballot = NominationBallot.objects.filter(cluster_year=cluster_year, voter_id=by.unit_id).first()
    if ballot is None:
        ballot = NominationBallot(cluster_year=cluster_year, voter_id=by.unit_id)
    else:
        ballot.revision += 1
    ballot.nominee, ballot.cast_by = nominee, by
    ballot.full_clean()
    ballot.save()
    return ballot


def dossier_deadline_for(*, year: int) -> dt.date | None:
    """The year-end dossier deadline of a cluster (20 December by the rule in force)."""
    return dossier_deadline(year=year)


@transaction.atomic
def scoring_finalise(*, cluster_year: ClusterYear, merit_units: list[Unit], by: User | None,
                     at: dt.datetime | None = None) -> ScoringRound:
    """Close the vote, lock scores and ballots, and create the proposals.

    The vote winner (if the threshold is reached) is proposed for the Cờ thi đua của Thanh
    tra Chính phủ; `merit_units` for the Bằng khen của Tổng Thanh tra Chính phủ. Each
    proposal states whether a complaint or denunciation is pending against the unit and the
    dossier deadline. Indicator points are frozen as agreed scores. `by` None: the demo.
    """
    if by is not None and not by.has_perm("emulation.run_scoring", cluster_year):
        raise PermissionDenied
    round_ = _round_for_update(cluster_year)
    if round_.phase != Phase.VOTE:
        raise ValidationError(_("Only a year in the vote phase can be finalised."))
    at = at or timezone.now()
    round_.phase, round_.finalised_at, round_.finalised_by = Phase.FINAL, at, by
    round_.save()
    result = selectors.ranking(cluster_year=cluster_year, with_previous=False)
    members = {row.unit.pk for row in result.rows}
    if any(unit.pk not in members for unit in merit_units):
        raise ValidationError(_("Proposals can name only members of the cluster."))
    _freeze_indicators(result)
    rows = {row.unit.pk: row for row in result.rows}
    deadline = dossier_deadline_for(year=cluster_year.year)
    creator = by or _any_lead_user(cluster_year)
    winner = result.vote.winner
    wanted = ([(winner, FLAG_AWARD)] if winner else []) + [
        (unit, MERIT_AWARD) for unit in merit_units if not winner or unit.pk != winner.pk]
    for unit, award in wanted:
        note = adapters.hold_note(unit=unit, on=at.date())  # on hold ("tạm dừng xét") if any
        proposal = RankingProposal(
            cluster_year=cluster_year, unit=unit, award_code=award, rank=rows[unit.pk].rank,
            total=rows[unit.pk].total, has_pending_complaint=bool(note), pending_note=note,
            dossier_deadline=deadline, created_by=creator,
        )
        proposal.full_clean()
        proposal.save()
    # The proposals date from the finalisation (`at`), which decides whether they are late.
    RankingProposal.objects.filter(cluster_year=cluster_year).update(created_at=at)
    return round_


def _any_lead_user(cluster_year: ClusterYear) -> User:
    lead = Membership.objects.get(cluster_year=cluster_year, role=Membership.Role.LEAD)
    return User.objects.filter(unit=lead.unit, role=User.Role.LEADER).order_by("pk").first()


def _freeze_indicators(result: selectors.Ranking) -> None:
    """Store each indicator criterion's points as the agreed score, with the figure behind
    it, so a later correction of a quarterly report does not move a final ranking."""
    computed = [c for c in result.tree.criteria if c.is_computed]
    if not computed:
        return
    units = [row.unit for row in result.rows]
    figures = adapters.approved_year_figures(units=units, year=result.cluster_year.year)
    for unit in units:
        for criterion in computed:
            value = figures.get(unit.pk, {}).get(criterion.indicator_code)
            points = selectors.indicator_points(criterion, value)
            score, _created = Score.objects.get_or_create(unit=unit, criterion=criterion)
            score.self_score = score.review_score = score.agreed_score = points
            score.agreed_note = f"{criterion.indicator_code} = {value if value is not None else '–'}"
            score._change_reason = "finalise"
            score.save()


# ---------------------------------------------------------------- complaints about results


def complaint_deadline(*, round_: ScoringRound) -> dt.datetime | None:
    """The last moment to complain: finalisation + the days of the rule then in force."""
    if round_.finalised_at is None:
        return None
    day = timezone.localdate(round_.finalised_at)
    rule = ResultComplaintRule.objects.in_force_on(day).order_by("-valid_from").first()
    if rule is None:
        return None
    return round_.finalised_at + dt.timedelta(days=rule.days)


@transaction.atomic
def result_complaint_lodge(*, cluster_year: ClusterYear, unit: Unit, subject: str,
                           criterion: Criterion | None, text: str, by: User
                           ) -> ResultComplaint:
    """Lodge the unit's complaint about its score or rank, within the days after finalising."""
    if not by.has_perm("emulation.lodge_result_complaint",
                       sheet_ref(cluster_year=cluster_year, unit=unit)):
        raise PermissionDenied
    round_ = selectors.scoring_round_of(cluster_year=cluster_year)
    if round_.phase != Phase.FINAL:
        raise ValidationError(_("Complaints about results can be lodged once results are final."))
    deadline = complaint_deadline(round_=round_)
    if deadline is None or timezone.now() > deadline:
        raise ValidationError(_("The time to complain about this year's results has passed."))
    if criterion is not None and criterion.group.table.cluster_year_id != cluster_year.pk:
        raise ValidationError(_("This criterion belongs to another year's table."))
    complaint = ResultComplaint(cluster_year=cluster_year, unit=unit, subject=subject,
                                criterion=criterion, text=text, lodged_by=by)
    complaint.full_clean()
    complaint.save()
    return complaint


@transaction.atomic
def result_complaint_answer(*, complaint: ResultComplaint, accept: bool, answer: str,
                            reopen: bool, by: User) -> ResultComplaint:
    """The lead's answer on record. An accepted complaint may reopen that unit's review
    (only that unit's), keeping the answer as the reason of every change made."""
    if not by.has_perm("emulation.run_scoring", complaint.cluster_year):
        raise PermissionDenied
    if complaint.status != ResultComplaint.Status.PENDING:
        raise ValidationError(_("This complaint has already been answered."))
    if not answer.strip():
        raise ValidationError({"answer": _("Write the answer: it is kept on record.")})
    if reopen and not accept:
        raise ValidationError(_("Only an accepted complaint reopens the review."))
    complaint.status = (ResultComplaint.Status.ACCEPTED if accept
                        else ResultComplaint.Status.REJECTED)
    complaint.answer, complaint.answered_by = answer.strip(), by
    complaint.answered_at = timezone.now()
    complaint.reopened = reopen
    complaint.full_clean()
    complaint.save()
    return complaint


@transaction.atomic
def result_complaint_close_review(*, complaint: ResultComplaint, by: User) -> ResultComplaint:
    """Close the reopened review: the unit's scores are locked again."""
    if not by.has_perm("emulation.run_scoring", complaint.cluster_year):
        raise PermissionDenied
    if not complaint.review_open:
        raise ValidationError(_("This complaint did not reopen a review."))
    complaint.reopen_closed_at = timezone.now()
    complaint.save()
    return complaint
