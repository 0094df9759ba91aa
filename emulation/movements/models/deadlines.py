"""The dated deadlines of the emulation cycle: registrations and the pledge, the scoring
phases, dossiers, the yearly statistics. Movements, awards, scoring and the dossier read them."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.models import DatedRule


class CycleDeadline(DatedRule):
    """A yearly deadline of the emulation cycle (day and month), e.g. registrations by 25/03.

    The one model of the year's deadlines: registrations, the cluster's dossier to the
    Government Inspectorate (formerly `DossierDeadlineRule`), the inspectorate's own dossier,
    and the scoring phases of the cluster's own regulation (self-scoring, review, the final
    scoring and vote). Read through `emulation.movements.selectors.deadlines`."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("registrations and pledge")
        SELF_SCORING = "self_scoring", _("units' self-scoring")
        SCORING_REVIEW = "scoring_review", _("review of the scores (cross-check)")
        SCORING_VOTE = "scoring_vote", _("final scoring and nomination vote")
        CLUSTER_DOSSIER = "cluster_dossier", _("cluster's award dossier")
        UNIT_DOSSIER = "unit_dossier", _("inspectorate's award dossier")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    month = models.PositiveSmallIntegerField(_("month"))
    day = models.PositiveSmallIntegerField(_("day"))
    needs_confirmation = models.BooleanField(_("to be confirmed (cần xác nhận)"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline of the emulation cycle")
        verbose_name_plural = _("deadlines of the emulation cycle")
        ordering = ["kind", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12) & Q(day__gte=1, day__lte=31),
                name="cycle_deadline_day_month",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.day:02d}/{self.month:02d}"

    def due_in(self, year: int) -> dt.date:
        return dt.date(year, self.month, self.day)


class StatisticsDeadline(DatedRule):
    """When the yearly statistics forms (0601.N–0603.N) are due, and the period they cover.

    Thông tư 02/2023/TT-BNV sets the day of receipt (15/12); a later circular is a new row."""

    due_month = models.PositiveSmallIntegerField(_("due month"))
    due_day = models.PositiveSmallIntegerField(_("due day"))
    reminder_days = models.PositiveSmallIntegerField(
        _("remind this many days before"), default=30
    )
    receiver = models.CharField(_("receiving body"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deadline of the yearly statistics")
        verbose_name_plural = _("deadlines of the yearly statistics")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_month__gte=1, due_month__lte=12) & Q(due_day__gte=1, due_day__lte=31),
                name="statistics_deadline_day_month",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.due_day:02d}/{self.due_month:02d} ({self.legal_basis})"

    def due_in(self, year: int) -> dt.date:
        return dt.date(year, self.due_month, self.due_day)
