"""Sections A (inspections) and E (anti-corruption) of a quarterly report: one row each.

Field names are the indicator codes. Error rules that one row can hold are also database
constraints (an empty value passes: drafts may be incomplete).
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cum4.reports.models import SectionRow
from cum4.reports.sections import indicator_field, rule_message
from inspections.indicators import RULES_A, RULES_E, SECTION_A, SECTION_E


class InspectionSection(SectionRow):
    """Section A — inspections (Thanh tra, kiểm tra)."""

    section_code = "A"

    report = models.OneToOneField(
        "cum4.QuarterlyReport",
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="inspection_section",
    )
    insp_carried_over = indicator_field(SECTION_A, "insp_carried_over")
    insp_new = indicator_field(SECTION_A, "insp_new")
    insp_planned = indicator_field(SECTION_A, "insp_planned")
    insp_unplanned = indicator_field(SECTION_A, "insp_unplanned")
    insp_concluded = indicator_field(SECTION_A, "insp_concluded")
    subjects_inspected = indicator_field(SECTION_A, "subjects_inspected")
    subjects_violating = indicator_field(SECTION_A, "subjects_violating")
    violation_vnd = indicator_field(SECTION_A, "violation_vnd")
    violation_land_m2 = indicator_field(SECTION_A, "violation_land_m2")
    recovery_recommended_vnd = indicator_field(SECTION_A, "recovery_recommended_vnd")
    recovery_recommended_land_m2 = indicator_field(SECTION_A, "recovery_recommended_land_m2")
    other_economic_vnd = indicator_field(SECTION_A, "other_economic_vnd")
    recovered_vnd = indicator_field(SECTION_A, "recovered_vnd")
    recovered_land_m2 = indicator_field(SECTION_A, "recovered_land_m2")
    sanction_decisions = indicator_field(SECTION_A, "sanction_decisions")
    sanction_vnd = indicator_field(SECTION_A, "sanction_vnd")
    admin_handling_orgs = indicator_field(SECTION_A, "admin_handling_orgs")
    admin_handling_persons = indicator_field(SECTION_A, "admin_handling_persons")
    referred_cases = indicator_field(SECTION_A, "referred_cases")
    referred_persons = indicator_field(SECTION_A, "referred_persons")
    policy_recommendations = indicator_field(SECTION_A, "policy_recommendations")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section A — inspections")
        verbose_name_plural = _("sections A — inspections")
        constraints = [
            models.CheckConstraint(
                condition=Q(insp_new=F("insp_planned") + F("insp_unplanned")),
                name="section_a_insp_split",
                violation_error_message=rule_message(RULES_A, "insp_split"),
            ),
            models.CheckConstraint(
                condition=Q(insp_concluded__lte=F("insp_carried_over") + F("insp_new")),
                name="section_a_insp_concluded",
                violation_error_message=rule_message(RULES_A, "insp_concluded"),
            ),
            models.CheckConstraint(
                condition=Q(subjects_violating__lte=F("subjects_inspected")),
                name="section_a_subjects_violating",
                violation_error_message=rule_message(RULES_A, "subjects_violating"),
            ),
            models.CheckConstraint(
                condition=Q(sanction_vnd=0) | Q(sanction_decisions__gt=0),
                name="section_a_sanction_needs_decision",
                violation_error_message=rule_message(RULES_A, "sanction_needs_decision"),
            ),
        ]

    def __str__(self) -> str:
        return f"A — {self.report_id}"


class AntiCorruptionSection(SectionRow):
    """Section E — anti-corruption (Phòng, chống tham nhũng); provisional form."""

    section_code = "E"

    report = models.OneToOneField(
        "cum4.QuarterlyReport",
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="anti_corruption_section",
    )
    publicity_checks = indicator_field(SECTION_E, "publicity_checks")
    asset_declarations_required = indicator_field(SECTION_E, "asset_declarations_required")
    asset_declarations_done = indicator_field(SECTION_E, "asset_declarations_done")
    asset_verifications = indicator_field(SECTION_E, "asset_verifications")
    officials_rotated = indicator_field(SECTION_E, "officials_rotated")
    conduct_violations = indicator_field(SECTION_E, "conduct_violations")
    corruption_cases = indicator_field(SECTION_E, "corruption_cases")
    corruption_persons = indicator_field(SECTION_E, "corruption_persons")
    heads_held_responsible = indicator_field(SECTION_E, "heads_held_responsible")
    corruption_recovered_vnd = indicator_field(SECTION_E, "corruption_recovered_vnd")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section E — anti-corruption")
        verbose_name_plural = _("sections E — anti-corruption")
        constraints = [
            models.CheckConstraint(
                condition=Q(asset_declarations_done__lte=F("asset_declarations_required")),
                name="section_e_declarations_done",
                violation_error_message=rule_message(RULES_E, "declarations_done"),
            ),
        ]

    def __str__(self) -> str:
        return f"E — {self.report_id}"
