"""Scores of a unit per criterion (self, review, agreed), evidence, phases, reviewers."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import ClusterYear, Unit
from emulation.scoring.models.criteria import POINTS, Criterion


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
