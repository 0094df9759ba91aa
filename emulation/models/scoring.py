"""Cluster scoring: criteria tables, scores with evidence, phases, the nomination vote,
proposals and complaints about results (emulation.md, "Scoring and ranking").

Totals and ranks are never stored: they are computed from the scores by
`emulation.scoring.selectors`, so a corrected score always shows through.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import ClusterYear, DatedRule, Unit

__all__ = [
    "CriteriaGroup",
    "CriteriaTable",
    "Criterion",
    "CrossReview",
    "DossierDeadlineRule",
    "NominationBallot",
    "NominationVoteRule",
    "RankingProposal",
    "ResultComplaint",
    "ResultComplaintRule",
    "Score",
    "ScoreEvidence",
    "ScoringRound",
    "TieBreakRule",
]

POINTS = {"max_digits": 6, "decimal_places": 2}


class CriteriaTable(models.Model):
    """The criteria table (bảng tiêu chí chấm điểm) of one cluster year."""

    cluster_year = models.OneToOneField(
        ClusterYear,
        verbose_name=_("cluster year"),
        on_delete=models.CASCADE,
        related_name="criteria_table",
    )
    name = models.CharField(_("name"), max_length=200)
    is_sample = models.BooleanField(
        _("sample table"),
        default=False,
        help_text=_("A sample to replace with the cluster's own criteria."),
    )
    bonus_cap = models.DecimalField(
        _("bonus cap"),
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
        help_text=_("Bonus points count up to this total."),
        **POINTS,
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criteria table")
        verbose_name_plural = _("criteria tables")
        ordering = ["-cluster_year__year"]

    def __str__(self) -> str:
        return f"{self.name} ({self.cluster_year})"


class CriteriaGroup(models.Model):
    """A group of criteria (nhóm tiêu chí); its subtotal shows in the ranking."""

    table = models.ForeignKey(
        CriteriaTable, verbose_name=_("criteria table"), on_delete=models.CASCADE,
        related_name="groups",
    )
    code = models.SlugField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=255)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criteria group")
        verbose_name_plural = _("criteria groups")
        ordering = ["table", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["table", "code"], name="criteria_group_code_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """One line of the table: its maximum, how it is scored, whether evidence is required."""

    class Method(models.TextChoices):
        MANUAL = "manual", _("manual (0 to the maximum)")
        YES_NO = "yes_no", _("yes / no")
        INDICATOR = "indicator", _("indicator (computed from approved figures)")
        BONUS = "bonus", _("bonus points")
        DEDUCTION = "deduction", _("deduction")

    group = models.ForeignKey(
        CriteriaGroup, verbose_name=_("criteria group"), on_delete=models.CASCADE,
        related_name="criteria",
    )
    code = models.SlugField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    max_points = models.DecimalField(
        _("maximum points"), validators=[MinValueValidator(0)], **POINTS
    )
    method = models.CharField(_("method"), max_length=10, choices=Method.choices,
                              default=Method.MANUAL)
    indicator_code = models.CharField(
        _("indicator code"), max_length=40, blank=True,
        help_text=_("For the indicator method: a code of the indicator dictionary."),
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True,
        help_text=_("Full points at or above the target, proportional below."),
    )
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    guidance = models.TextField(_("guidance"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["group__position", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "code"], name="criterion_code_unique"),
            models.CheckConstraint(condition=Q(max_points__gte=0), name="criterion_max_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    def clean(self) -> None:
        super().clean()
        if self.method == self.Method.INDICATOR:
            errors = {}
            if not self.indicator_code:
                errors["indicator_code"] = _("An indicator criterion needs an indicator code.")
            if self.target is None or self.target <= 0:
                errors["target"] = _("An indicator criterion needs a target above zero.")
            if errors:
                raise ValidationError(errors)

    @property
    def is_computed(self) -> bool:
        return self.method == self.Method.INDICATOR


class TieBreakRule(models.Model):
    """An ordered rule separating equal totals: the higher subtotal of a group wins."""

    table = models.ForeignKey(
        CriteriaTable, verbose_name=_("criteria table"), on_delete=models.CASCADE,
        related_name="tie_breaks",
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    group = models.ForeignKey(
        CriteriaGroup, verbose_name=_("criteria group"), on_delete=models.CASCADE,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tie-break rule")
        verbose_name_plural = _("tie-break rules")
        ordering = ["table", "position"]
        constraints = [
            models.UniqueConstraint(fields=["table", "position"], name="tie_break_position_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.group}"

    def clean(self) -> None:
        super().clean()
        if self.group_id and self.table_id and self.group.table_id != self.table_id:
            raise ValidationError({"group": _("The group belongs to another criteria table.")})


class ScoringRound(models.Model):
    """The phase of a cluster year's scoring, set by the cluster lead."""

    class Phase(models.TextChoices):
        SELF = "self", _("self-scoring")
        REVIEW = "review", _("review")
        VOTE = "vote", _("nomination vote")
        FINAL = "final", _("final")

    cluster_year = models.OneToOneField(
        ClusterYear, verbose_name=_("cluster year"), on_delete=models.CASCADE,
        related_name="scoring_round",
    )
    phase = models.CharField(_("phase"), max_length=8, choices=Phase.choices,
                             default=Phase.SELF)
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("finalised by"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("scoring round")
        verbose_name_plural = _("scoring rounds")

    def __str__(self) -> str:
        return f"{self.cluster_year}: {self.get_phase_display()}"

    @property
    def review_closed(self) -> bool:
        return self.phase in (self.Phase.VOTE, self.Phase.FINAL)

    @property
    def vote_closed(self) -> bool:
        return self.phase == self.Phase.FINAL


class CrossReview(models.Model):
    """The peer unit the lead assigns to review one unit's scores (else the lead reviews)."""

    cluster_year = models.ForeignKey(
        ClusterYear, verbose_name=_("cluster year"), on_delete=models.CASCADE,
        related_name="cross_reviews",
    )
    unit = models.ForeignKey(Unit, verbose_name=_("reviewed unit"), on_delete=models.PROTECT,
                             related_name="+")
    reviewer = models.ForeignKey(Unit, verbose_name=_("reviewing unit"),
                                 on_delete=models.PROTECT, related_name="+")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cross-review assignment")
        verbose_name_plural = _("cross-review assignments")
        constraints = [
            models.UniqueConstraint(fields=["cluster_year", "unit"], name="cross_review_unique"),
            models.CheckConstraint(condition=~Q(unit=models.F("reviewer")),
                                   name="cross_review_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.unit}"


class Score(models.Model):
    """A unit's three score layers on one criterion: self, review and agreed."""

    unit = models.ForeignKey(Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT,
                             related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"),
                                  on_delete=models.CASCADE, related_name="scores")
    self_score = models.DecimalField(_("self score"), null=True, blank=True, **POINTS)
    self_note = models.TextField(_("self-assessment note"), blank=True)
    review_score = models.DecimalField(_("review score"), null=True, blank=True, **POINTS)
    review_note = models.TextField(_("review note"), blank=True)
    agreed_score = models.DecimalField(
        _("agreed score"), null=True, blank=True,
        help_text=_("The score that counts; the review score when left empty."), **POINTS,
    )
    agreed_note = models.TextField(_("agreed note"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["unit", "criterion"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "criterion"], name="score_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.criterion.code}"

    @property
    def counted(self) -> Decimal | None:
        """The agreed score, defaulting to the review score."""
        return self.agreed_score if self.agreed_score is not None else self.review_score


def evidence_path(instance: ScoreEvidence, filename: str) -> str:
    score = instance.score
    return f"evidence/{score.criterion.group.table.cluster_year_id}/{score.unit_id}/{filename}"


class ScoreEvidence(models.Model):
    """A file proving a score (PDF, image, Office document), checked on upload."""

    score = models.ForeignKey(Score, verbose_name=_("score"), on_delete=models.CASCADE,
                              related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class NominationVoteRule(DatedRule):
    """Threshold of the nomination vote for the leading unit (Cờ thi đua), counted against
    all members, and whether a unit may vote for itself."""

    threshold_percent = models.DecimalField(
        _("threshold (percent of members)"), max_digits=5, decimal_places=2,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    allow_self_vote = models.BooleanField(_("a unit may vote for itself"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nomination vote rule")
        verbose_name_plural = _("nomination vote rules")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"≥ {self.threshold_percent}% ({self.legal_basis})"


class NominationBallot(models.Model):
    """One member unit's ballot naming the unit it proposes to lead the cluster.

    While the vote is open a unit may cast again: the new choice replaces the old one. No
    history is kept of the choice itself, so nothing can reveal a replaced ballot; `revision`
    counts the replacements.
    """

    cluster_year = models.ForeignKey(ClusterYear, verbose_name=_("cluster year"),
                                     on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(Unit, verbose_name=_("voting unit"), on_delete=models.PROTECT,
                              related_name="+")
    nominee = models.ForeignKey(Unit, verbose_name=_("proposed leading unit"),
                                on_delete=models.PROTECT, related_name="+")
    cast_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("cast by"),
                                on_delete=models.PROTECT, related_name="+")
    cast_at = models.DateTimeField(_("cast at"), auto_now=True)
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)

    class Meta:
        verbose_name = _("nomination ballot")
        verbose_name_plural = _("nomination ballots")
        ordering = ["cluster_year", "voter__name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster_year", "voter"], name="ballot_one_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.voter} ({self.cluster_year})"


class ResultComplaintRule(DatedRule):
    """How many days after finalising a unit may complain about its result."""

    days = models.PositiveSmallIntegerField(_("days to lodge a complaint"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("result complaint rule")
        verbose_name_plural = _("result complaint rules")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.days} ({self.legal_basis})"


class DossierDeadlineRule(DatedRule):
    """The day by which a cluster's year-end award dossier reaches the Government
    Inspectorate."""

    month = models.PositiveSmallIntegerField(_("month"), validators=[MinValueValidator(1),
                                                                     MaxValueValidator(12)])
    day = models.PositiveSmallIntegerField(_("day"), validators=[MinValueValidator(1),
                                                                 MaxValueValidator(31)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("award dossier deadline")
        verbose_name_plural = _("award dossier deadlines")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.day:02d}/{self.month:02d} ({self.legal_basis})"


class RankingProposal(models.Model):
    """An award proposal created when the ranking is finalised."""

    cluster_year = models.ForeignKey(ClusterYear, verbose_name=_("cluster year"),
                                     on_delete=models.CASCADE, related_name="ranking_proposals")
    unit = models.ForeignKey(Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT,
                             related_name="+")
    award_code = models.CharField(_("title or form"), max_length=20)
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    total = models.DecimalField(_("total"), null=True, blank=True, **POINTS)
    has_pending_complaint = models.BooleanField(_("complaint or denunciation pending"),
                                                default=False)
    pending_note = models.TextField(_("pending complaints"), blank=True)
    dossier_deadline = models.DateField(_("dossier deadline"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"),
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("award proposal from the ranking")
        verbose_name_plural = _("award proposals from the ranking")
        ordering = ["cluster_year", "award_code", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["cluster_year", "unit", "award_code"],
                                    name="ranking_proposal_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.award_code}: {self.unit}"


class ResultComplaint(models.Model):
    """A unit's complaint about its score or rank, answered by the lead on record."""

    class Subject(models.TextChoices):
        SCORE = "score", _("score")
        RANK = "rank", _("rank")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    cluster_year = models.ForeignKey(ClusterYear, verbose_name=_("cluster year"),
                                     on_delete=models.CASCADE, related_name="result_complaints")
    unit = models.ForeignKey(Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT,
                             related_name="+")
    subject = models.CharField(_("about"), max_length=8, choices=Subject.choices,
                               default=Subject.SCORE)
    criterion = models.ForeignKey(Criterion, verbose_name=_("criterion"), null=True,
                                  blank=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("complaint"))
    lodged_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("lodged by"),
                                  on_delete=models.PROTECT, related_name="+")
    lodged_at = models.DateTimeField(_("lodged at"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.PENDING)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("answered by"),
                                    null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    reopened = models.BooleanField(_("review reopened"), default=False)
    reopen_closed_at = models.DateTimeField(_("reopened review closed at"), null=True,
                                            blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("complaint about a result")
        verbose_name_plural = _("complaints about results")
        ordering = ["-lodged_at"]

    def __str__(self) -> str:
        return f"{self.unit} ({self.cluster_year})"

    @property
    def review_open(self) -> bool:
        return self.reopened and self.reopen_closed_at is None
