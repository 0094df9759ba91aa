"""The envelope of a quarterly report: unit, quarter, state, version and its workflow events.

The figures live in the section models of the apps (inspections: A, E; complaints: B, C, D),
each with a foreign key to `QuarterlyReport`. Imported at the end of cum4/models.py so the
models belong to the app label cum4.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.period_codes import PERIOD_LABELS


class QuarterlyReport(models.Model):
    """One unit's report for one quarter, submitted and approved as a whole."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned")
        APPROVED = "approved", _("approved")

    EDITABLE_STATES = (State.DRAFT, State.RETURNED)

    unit = models.ForeignKey(
        "cum4.Unit",
        verbose_name=_("inspectorate"),
        on_delete=models.PROTECT,
        related_name="quarterly_reports",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=[(q, f"Q{q}") for q in range(1, 5)]
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    # Bumped on every write: a save carrying an older version is refused (no lost updates).
    version = models.PositiveIntegerField(_("version"), default=1)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    # The unit's staff tell their leader (who alone submits) that the entry is done; cleared
    # when the report is submitted.
    ready_at = models.DateTimeField(_("marked ready for submission at"), null=True, blank=True)
    ready_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked ready for submission by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The warnings found at the last submission, as shown to the lead.
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    warnings_comment = models.TextField(_("comment on the warnings"), blank=True)
    warnings_acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("warnings acknowledged by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    warnings_acknowledged_at = models.DateTimeField(
        _("warnings acknowledged at"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")
        ordering = ["-year", "-quarter", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "quarter"], name="quarterly_report_unique"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="quarterly_report_quarter"
            ),
            models.CheckConstraint(
                condition=~Q(state="approved") | Q(approved_at__isnull=False),
                name="quarterly_report_approved_has_date",
            ),
            models.CheckConstraint(
                condition=Q(state__in=["draft", "returned"]) | Q(submitted_at__isnull=False),
                name="quarterly_report_submitted_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — Q{self.quarter}/{self.year}"

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES

    @property
    def is_approved(self) -> bool:
        return self.state == self.State.APPROVED

    @property
    def period_code(self) -> str:
        return f"q{self.quarter}"

    @property
    def quarter_label(self) -> str:
        """"Quý I" … "Quý IV": the one label of a quarter on every page."""
        return str(PERIOD_LABELS[self.period_code])


class ReportEvent(models.Model):
    """A step of the workflow: who did what when, with the comment (the report's timeline)."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned")
        APPROVED = "approved", _("approved")
        REOPENED = "reopened", _("reopened")
        READY = "ready", _("marked ready for submission")

    report = models.ForeignKey(
        QuarterlyReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("report event")
        verbose_name_plural = _("report events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.report} — {self.get_action_display()}"


class SectionRow(models.Model):
    """Base of the section models: the report they belong to and the rules in `clean()`."""

    section_code = ""  # set by each concrete model: "A".."E"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # The report's updated_at tells when its numbers last changed, whatever saved the row
        # (a service, the admin, an import). No cache relies on it: figures are read afresh.
        QuarterlyReport.objects.filter(pk=self.report_id).update(updated_at=timezone.now())

    def validate_constraints(self, exclude=None) -> None:
        # A CHECK over an empty value holds in SQL (NULL is not false), and PostgreSQL cannot
        # type the `NULL + NULL` that Django would send to test it (the log's "Got a database
        # error calling check()"): the constraints on empty fields are left out, as they hold.
        empty = {f.name for f in self._meta.concrete_fields if getattr(self, f.attname) is None}
        super().validate_constraints(exclude=set(exclude or ()) | empty)

    def clean(self) -> None:
        from cum4.reports.validation import raise_row_errors  # the rules need the registry

        super().clean()
        report = getattr(self, "report", None)
        if report is not None and report.is_approved:
            raise ValidationError(_("The report is approved and locked; it cannot be changed."))
        raise_row_errors(self.section_code, self)
