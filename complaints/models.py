"""Sections B (reception), C (petitions) and D (resolution) of a quarterly report.

Field names are the indicator codes. Error rules that one row can hold are also database
constraints (an empty value passes: drafts may be incomplete).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from complaints.indicators import RULES_B, RULES_C, RULES_D, SECTION_B, SECTION_C, SECTION_D
from cum4.reports.models import SectionRow
from cum4.reports.sections import indicator_field, rule_message


class ReceptionSection(SectionRow):
    """Section B — citizen reception (Tiếp công dân)."""

    section_code = "B"

    report = models.OneToOneField(
        "cum4.QuarterlyReport",
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="reception_section",
    )
    reception_turns = indicator_field(SECTION_B, "reception_turns")
    reception_persons = indicator_field(SECTION_B, "reception_persons")
    reception_cases = indicator_field(SECTION_B, "reception_cases")
    crowd_delegations = indicator_field(SECTION_B, "crowd_delegations")
    leader_reception_sessions = indicator_field(SECTION_B, "leader_reception_sessions")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section B — citizen reception")
        verbose_name_plural = _("sections B — citizen reception")
        constraints = [
            models.CheckConstraint(
                condition=Q(reception_persons__gte=F("reception_turns")),
                name="section_b_reception_persons",
                violation_error_message=rule_message(RULES_B, "reception_persons"),
            ),
        ]

    def __str__(self) -> str:
        return f"B — {self.report_id}"


class PetitionSection(SectionRow):
    """Section C — petition handling (Xử lý đơn thư)."""

    section_code = "C"

    report = models.OneToOneField(
        "cum4.QuarterlyReport",
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="petition_section",
    )
    petitions_carried_over = indicator_field(SECTION_C, "petitions_carried_over")
    petitions_received = indicator_field(SECTION_C, "petitions_received")
    petitions_complaint = indicator_field(SECTION_C, "petitions_complaint")
    petitions_denunciation = indicator_field(SECTION_C, "petitions_denunciation")
    petitions_proposal = indicator_field(SECTION_C, "petitions_proposal")
    petitions_eligible = indicator_field(SECTION_C, "petitions_eligible")
    petitions_in_jurisdiction = indicator_field(SECTION_C, "petitions_in_jurisdiction")
    petitions_out_jurisdiction = indicator_field(SECTION_C, "petitions_out_jurisdiction")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section C — petition handling")
        verbose_name_plural = _("sections C — petition handling")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    petitions_received=F("petitions_complaint")
                    + F("petitions_denunciation")
                    + F("petitions_proposal")
                ),
                name="section_c_petitions_split",
                violation_error_message=rule_message(RULES_C, "petitions_split"),
            ),
            models.CheckConstraint(
                condition=Q(
                    petitions_eligible__lte=F("petitions_carried_over") + F("petitions_received")
                ),
                name="section_c_petitions_eligible",
                violation_error_message=rule_message(RULES_C, "petitions_eligible"),
            ),
            models.CheckConstraint(
                condition=Q(
                    petitions_eligible=F("petitions_in_jurisdiction")
                    + F("petitions_out_jurisdiction")
                ),
                name="section_c_petitions_jurisdiction",
                violation_error_message=rule_message(RULES_C, "petitions_jurisdiction"),
            ),
        ]

    def __str__(self) -> str:
        return f"C — {self.report_id}"


class ResolutionSection(SectionRow):
    """Section D — resolution in jurisdiction; one row for complaints, one for denunciations."""

    section_code = "D"

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Complaints")
        DENUNCIATION = "denunciation", _("Denunciations")

    report = models.ForeignKey(
        "cum4.QuarterlyReport",
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="resolution_sections",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    cases_carried_over = indicator_field(SECTION_D, "cases_carried_over")
    cases_new = indicator_field(SECTION_D, "cases_new")
    cases_resolved = indicator_field(SECTION_D, "cases_resolved")
    cases_resolved_on_time = indicator_field(SECTION_D, "cases_resolved_on_time")
    cases_withdrawn = indicator_field(SECTION_D, "cases_withdrawn")
    findings_correct = indicator_field(SECTION_D, "findings_correct")
    findings_partly_correct = indicator_field(SECTION_D, "findings_partly_correct")
    findings_incorrect = indicator_field(SECTION_D, "findings_incorrect")
    kntc_recovery_vnd = indicator_field(SECTION_D, "kntc_recovery_vnd")
    kntc_returned_vnd = indicator_field(SECTION_D, "kntc_returned_vnd")
    kntc_admin_handling_persons = indicator_field(SECTION_D, "kntc_admin_handling_persons")
    kntc_referred_cases = indicator_field(SECTION_D, "kntc_referred_cases")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section D — resolution")
        verbose_name_plural = _("sections D — resolution")
        ordering = ["report", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="section_d_one_row_per_kind"),
            models.CheckConstraint(
                condition=Q(cases_resolved__lte=F("cases_carried_over") + F("cases_new")),
                name="section_d_cases_resolved",
                violation_error_message=rule_message(RULES_D, "cases_resolved"),
            ),
            models.CheckConstraint(
                condition=Q(cases_resolved_on_time__lte=F("cases_resolved")),
                name="section_d_cases_on_time",
                violation_error_message=rule_message(RULES_D, "cases_on_time"),
            ),
            models.CheckConstraint(
                condition=Q(cases_withdrawn__lte=F("cases_resolved")),
                name="section_d_cases_withdrawn",
                violation_error_message=rule_message(RULES_D, "cases_withdrawn"),
            ),
            models.CheckConstraint(
                condition=Q(
                    cases_resolved__gte=F("findings_correct")
                    + F("findings_partly_correct")
                    + F("findings_incorrect")
                    + F("cases_withdrawn")
                ),
                name="section_d_findings",
                violation_error_message=rule_message(RULES_D, "findings"),
            ),
        ]

    def __str__(self) -> str:
        return f"D {self.kind} — {self.report_id}"
