"""Movements (phong trào thi đua), each unit's response to them, and their reviews."""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import ClusterYear, Unit


class Level(models.TextChoices):
    """Launching level and scope of a movement, the breakdown of form 0601.N."""

    NATIONAL = "national", _("national")
    MINISTRY_PROVINCE = "ministry_province", _("ministry, sector or province")
    CLUSTER = "cluster", _("emulation cluster")
    UNIT = "unit", _("agency or unit")


class Movement(models.Model):
    """A movement recorded in a cluster year, whoever launched it."""

    class LaunchedBy(models.TextChoices):
        NATIONAL_CAMPAIGN = "national", _("national campaign (Government, Prime Minister)")
        GOVERNMENT_INSPECTORATE = "ttcp", _("Government Inspectorate")
        PROVINCE = "province", _("provincial People's Committee")
        CLUSTER = "cluster", _("the cluster")
        UNIT = "unit", _("a unit")

    class Kind(models.TextChoices):
        REGULAR = "regular", _("regular")
        THEMATIC = "thematic", _("thematic")

    # The level of the authority that launches follows from who launched it.
    LEVEL_OF_LAUNCHER = {
        LaunchedBy.NATIONAL_CAMPAIGN: Level.NATIONAL,
        LaunchedBy.GOVERNMENT_INSPECTORATE: Level.MINISTRY_PROVINCE,
        LaunchedBy.PROVINCE: Level.MINISTRY_PROVINCE,
        LaunchedBy.CLUSTER: Level.CLUSTER,
        LaunchedBy.UNIT: Level.UNIT,
    }

    cluster_year = models.ForeignKey(
        ClusterYear,
        verbose_name=_("cluster year"),
        on_delete=models.CASCADE,
        related_name="movements",
    )
    name = models.CharField(_("name"), max_length=300)
    theme = models.TextField(_("theme"), blank=True)
    launched_by = models.CharField(_("launched by"), max_length=10, choices=LaunchedBy.choices)
    launching_unit = models.ForeignKey(
        Unit,
        verbose_name=_("launching unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="launched_movements",
        help_text=_("The unit (or the province's unit) that launched it, when a province or a unit did."),
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Level.choices)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"), null=True, blank=True)
    occasion = models.CharField(_("occasion"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("emulation movement")
        verbose_name_plural = _("emulation movements")
        ordering = ["cluster_year", "starts_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster_year", "name"], name="movement_unique_name"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="movement_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def level(self) -> str:
        """The launching level (cấp phát động), derived from who launched it."""
        return self.LEVEL_OF_LAUNCHER[self.LaunchedBy(self.launched_by)].value

    def get_level_display(self) -> str:
        return str(Level(self.level).label)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        needs_unit = self.launched_by in (self.LaunchedBy.UNIT, self.LaunchedBy.PROVINCE)
        if needs_unit and not self.launching_unit_id:
            raise ValidationError(
                {"launching_unit": _("Name the unit when a province or a unit launched the movement.")}
            )
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date must not be before the start date.")})


class MovementResponse(models.Model):
    """What one unit did in answer to a movement: activities, results, money contributed."""

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.CASCADE, related_name="responses"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT, related_name="movement_responses"
    )
    activities = models.TextField(_("activities"), blank=True)
    results = models.TextField(_("results"), blank=True)
    amount_vnd = models.PositiveBigIntegerField(
        _("amount contributed (đồng)"), default=0, help_text=_("In đồng, a whole number.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("movement response")
        verbose_name_plural = _("movement responses")
        ordering = ["movement", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "unit"], name="movement_response_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.movement}"


def evidence_path(instance: MovementEvidence, filename: str) -> str:
    # A random name, never the uploaded one: files are served only through a permission-checked
    # view, and a guessable path must not expose them where media is served directly.
    response = instance.response
    extension = os.path.splitext(filename)[1].lower()
    return (
        f"evidence/movements/{response.movement.cluster_year.year}/{response.unit.code}/"
        f"{uuid.uuid4().hex}{extension}"
    )


class MovementEvidence(models.Model):
    """A file attached to a unit's response; only that unit, the lead and the secretariat read it."""

    response = models.ForeignKey(
        MovementResponse, verbose_name=_("response"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("movement evidence")
        verbose_name_plural = _("movement evidence")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class MovementReview(models.Model):
    """A mid-year (sơ kết) or year-end (tổng kết) review of a movement."""

    class Kind(models.TextChoices):
        MID_YEAR = "mid_year", _("mid-year review")
        YEAR_END = "year_end", _("year-end review")

    movement = models.ForeignKey(
        Movement, verbose_name=_("movement"), on_delete=models.CASCADE, related_name="reviews"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    held_on = models.DateField(_("held on"))
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("movement review")
        verbose_name_plural = _("movement reviews")
        ordering = ["movement", "held_on"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "kind"], name="movement_review_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.movement}"
