"""The pledge (giao ước thi đua) of a cluster year, its targets and the lead's judgements."""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import ClusterYear, Unit
from cum4.periods import PERIOD_CODES, PERIOD_LABELS
from emulation.movements.indicators import indicator_codes


def pledge_file_path(instance: models.Model, filename: str) -> str:
    """A random name under the year: files are served only through permission-checked views."""
    extension = os.path.splitext(filename)[1].lower()
    return f"pledges/{uuid.uuid4().hex}{extension}"


class Pledge(models.Model):
    """One per cluster year: signed by the members before 25 March at a host unit."""

    cluster_year = models.OneToOneField(
        ClusterYear, verbose_name=_("cluster year"), on_delete=models.CASCADE, related_name="pledge"
    )
    signed_on = models.DateField(_("signed on"))
    host_unit = models.ForeignKey(
        Unit, verbose_name=_("host unit"), on_delete=models.PROTECT, related_name="hosted_pledges"
    )
    theme = models.TextField(_("theme"))
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    document = models.FileField(_("document"), upload_to=pledge_file_path, blank=True, max_length=300)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("emulation pledge")
        verbose_name_plural = _("emulation pledges")
        ordering = ["-cluster_year__year"]

    def __str__(self) -> str:
        return f"{_('Pledge')} {self.cluster_year}"


class Comparator(models.TextChoices):
    GE = "ge", "≥"
    LE = "le", "≤"
    EQ = "eq", "="
    GT = "gt", ">"
    LT = "lt", "<"


class PledgeTarget(models.Model):
    """A target of the pledge: judged by the lead (manual) or read from approved figures."""

    class Kind(models.TextChoices):
        MANUAL = "manual", _("judged by the cluster lead")
        INDICATOR = "indicator", _("indicator of the quarterly report")

    pledge = models.ForeignKey(
        Pledge, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="targets"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("target"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    indicator_code = models.CharField(_("indicator"), max_length=64, blank=True)
    comparator = models.CharField(_("comparator"), max_length=2, choices=Comparator.choices, blank=True)
    threshold = models.DecimalField(
        _("threshold"), max_digits=20, decimal_places=2, null=True, blank=True
    )
    period = models.CharField(
        _("period"),
        max_length=4,
        choices=[(code, PERIOD_LABELS[code]) for code in PERIOD_CODES],
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pledge target")
        verbose_name_plural = _("pledge targets")
        ordering = ["pledge", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="manual")
                | (
                    ~Q(indicator_code="")
                    & ~Q(comparator="")
                    & Q(threshold__isnull=False)
                    & ~Q(period="")
                ),
                name="pledge_target_indicator_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_indicator(self) -> bool:
        return self.kind == self.Kind.INDICATOR

    @property
    def is_rate(self) -> bool:
        """Rates (codes ending in _rate) are percentages: shown as "88,40%"."""
        return self.indicator_code.endswith("_rate")

    @property
    def rule_text(self) -> str:
        """e.g. "resolution_rate ≥ 85 (Year)"; empty for a manual target."""
        if not self.is_indicator:
            return ""
        threshold = self.threshold.normalize() if self.threshold is not None else ""
        return (
            f"{self.indicator_code} {self.get_comparator_display()} {threshold:f} "
            f"({self.get_period_display()})"
        )

    def clean(self) -> None:
        super().clean()
        if self.kind != self.Kind.INDICATOR:
            return
        errors: dict[str, str] = {}
        known = indicator_codes()
        if not self.indicator_code:
            errors["indicator_code"] = _("Choose the indicator the target is measured by.")
        elif known is not None and self.indicator_code not in known:
            errors["indicator_code"] = _("This is not an indicator of the quarterly report.")
        if not self.comparator:
            errors["comparator"] = _("Choose how the figure is compared.")
        if self.threshold is None:
            errors["threshold"] = _("Give the threshold.")
        if not self.period:
            errors["period"] = _("Choose the period the figure is taken over.")
        if errors:
            raise ValidationError(errors)


class ManualJudgement(models.Model):
    """The cluster lead's judgement of a manual target for one unit, with its evidence."""

    class Status(models.TextChoices):
        MET = "met", _("met")
        NOT_MET = "not_met", _("not met")

    target = models.ForeignKey(
        PledgeTarget, verbose_name=_("target"), on_delete=models.CASCADE, related_name="judgements"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("inspectorate"), on_delete=models.PROTECT, related_name="pledge_judgements"
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to=pledge_file_path, blank=True, max_length=300
    )
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("judged by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    judged_at = models.DateTimeField(_("judged at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("manual target judgement")
        verbose_name_plural = _("manual target judgements")
        ordering = ["target", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["target", "unit"], name="manual_judgement_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.target} — {self.unit}: {self.get_status_display()}"
