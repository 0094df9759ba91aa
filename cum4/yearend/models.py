"""The year-end report of a cluster year as the lead issues it: what the data cannot say.

The figures come from approved quarterly reports; the document's identity (number, date,
issuing body, signer) and the narrative sections a review needs (assessment, limitations and
causes, lessons, direction for next year, proposals) are written by the lead in the browser
and kept with their history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The narrative sections in the order the report prints them.
NARRATIVE_FIELDS = ("assessment", "limitations", "lessons", "next_year", "proposals")


class YearEndReport(models.Model):
    """One per cluster year; absent until the lead first saves it (defaults come from data)."""

    cluster_year = models.OneToOneField(
        "cum4.ClusterYear",
        verbose_name=_("cluster year"),
        on_delete=models.CASCADE,
        related_name="year_end_report",
    )
    parent_body = models.CharField(
        _("issuing body (first line)"),
        max_length=200,
        blank=True,
        help_text=_("As the cluster writes it above the lead unit, e.g. CỤM THI ĐUA SỐ IV."),
    )
    number = models.CharField(_("document number"), max_length=20, blank=True)
    symbol = models.CharField(_("document symbol"), max_length=40, default="BC-CTĐ")
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    signer_title = models.CharField(
        _("signer's title"),
        max_length=300,
        blank=True,
        help_text=_("One line per row, e.g. TRƯỞNG CỤM / CHÁNH THANH TRA TỈNH LẠNG SƠN."),
    )
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("One per line."))
    assessment = models.TextField(_("general assessment"), blank=True)
    limitations = models.TextField(_("limitations and their causes"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    next_year = models.TextField(_("direction and tasks for next year"), blank=True)
    proposals = models.TextField(_("proposals and recommendations"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("year-end report")
        verbose_name_plural = _("year-end reports")

    def __str__(self) -> str:
        return str(self.cluster_year)
