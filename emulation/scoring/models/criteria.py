"""Criteria tables of a cluster year: groups → criteria, and tie-break rules."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import ClusterYear

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
