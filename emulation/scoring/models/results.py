"""The nomination vote, proposals, complaints about results and their dated rules."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import ClusterYear, DatedRule, Unit
from emulation.scoring.models.criteria import POINTS, Criterion


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

    @property
    def is_late(self) -> bool:
        """Finalised after the dossier deadline in force for its year."""
        if self.dossier_deadline is None or self.created_at is None:
            return False
        return timezone.localdate(self.created_at) > self.dossier_deadline

    @property
    def is_paused(self) -> bool:
        """A complaint or denunciation is being verified: consideration is suspended."""
        return self.has_pending_complaint


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
