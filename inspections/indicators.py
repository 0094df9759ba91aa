"""Sections A (inspections) and E (anti-corruption) of the quarterly report, as data.

Codes, units, kinds and rules follow shared/design/indicators.md; the codes are the model
fields, form fields, spreadsheet columns and JSON keys.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cum4.reports.sections import (
    ERROR,
    FLOW,
    OPENING,
    WARNING,
    DerivedSpec,
    IndicatorSpec,
    ReportSection,
    Rule,
)

SECTION_A = (
    IndicatorSpec("insp_carried_over", _("Inspections carried over from the previous period"), "cuộc", OPENING),
    IndicatorSpec("insp_new", _("Inspections started in the period"), "cuộc", FLOW),
    IndicatorSpec("insp_planned", _("of which: planned"), "cuộc", FLOW),
    IndicatorSpec("insp_unplanned", _("of which: unscheduled"), "cuộc", FLOW),
    IndicatorSpec("insp_concluded", _("Inspections with a conclusion issued"), "cuộc", FLOW),
    IndicatorSpec("subjects_inspected", _("Persons and organisations inspected"), "cá nhân, tổ chức", FLOW),
    IndicatorSpec("subjects_violating", _("Persons and organisations in violation"), "cá nhân, tổ chức", FLOW),
    IndicatorSpec("violation_vnd", _("Economic violations: money (and assets valued in money)"), "đồng", FLOW),
    IndicatorSpec("violation_land_m2", _("Economic violations: land"), "m²", FLOW),
    IndicatorSpec("recovery_recommended_vnd", _("Recommended recovery to the state budget: money"), "đồng", FLOW),
    IndicatorSpec("recovery_recommended_land_m2", _("Recommended recovery: land"), "m²", FLOW),
    IndicatorSpec("other_economic_vnd", _("Other economic measures recommended (exclusions, deductions…)"), "đồng", FLOW),
    IndicatorSpec("recovered_vnd", _("Recovered to the budget: money"), "đồng", FLOW),
    IndicatorSpec("recovered_land_m2", _("Recovered: land"), "m²", FLOW),
    IndicatorSpec("sanction_decisions", _("Administrative sanction decisions"), "quyết định", FLOW),
    IndicatorSpec("sanction_vnd", _("Administrative fines"), "đồng", FLOW),
    IndicatorSpec("admin_handling_orgs", _("Administrative handling recommended: organisations"), "tổ chức", FLOW),
    IndicatorSpec("admin_handling_persons", _("Administrative handling recommended: persons"), "cá nhân", FLOW),
    IndicatorSpec("referred_cases", _("Referred to the investigating authority: cases"), "vụ", FLOW),
    IndicatorSpec("referred_persons", _("Referred to the investigating authority: persons"), "đối tượng", FLOW),
    IndicatorSpec("policy_recommendations", _("Recommendations to amend mechanisms and policies"), "văn bản", FLOW),
)

RULES_A = (
    Rule(
        "insp_split",
        ERROR,
        ("insp_planned", "insp_unplanned", "insp_new"),
        _("Planned plus unscheduled inspections must equal the inspections started."),
        lambda v: v["insp_planned"] + v["insp_unplanned"] == v["insp_new"],
    ),
    Rule(
        "insp_concluded",
        ERROR,
        ("insp_concluded", "insp_carried_over", "insp_new"),
        _("Concluded inspections cannot exceed those carried over plus those started."),
        lambda v: v["insp_concluded"] <= v["insp_carried_over"] + v["insp_new"],
    ),
    Rule(
        "subjects_violating",
        ERROR,
        ("subjects_violating", "subjects_inspected"),
        _("Subjects in violation cannot exceed the subjects inspected."),
        lambda v: v["subjects_violating"] <= v["subjects_inspected"],
    ),
    Rule(
        "recovery_vs_violation",
        WARNING,
        ("recovery_recommended_vnd", "other_economic_vnd", "violation_vnd"),
        _("Recommended recovery plus other economic measures exceed the violations found."),
        lambda v: v["recovery_recommended_vnd"] + v["other_economic_vnd"] <= v["violation_vnd"],
    ),
    Rule(
        "recovery_land_vs_violation",
        WARNING,
        ("recovery_recommended_land_m2", "violation_land_m2"),
        _("Land recommended for recovery exceeds the land in violation."),
        lambda v: v["recovery_recommended_land_m2"] <= v["violation_land_m2"],
    ),
    Rule(
        "recovered_vs_recommended",
        WARNING,
        ("recovered_vnd", "recovery_recommended_vnd"),
        _(
            "Money recovered exceeds the recovery recommended in the quarter (possible when "
            "earlier recommendations were recovered; please confirm)."
        ),
        lambda v: v["recovered_vnd"] <= v["recovery_recommended_vnd"],
    ),
    Rule(
        "sanction_needs_decision",
        ERROR,
        ("sanction_vnd", "sanction_decisions"),
        _("Fines were entered without any sanction decision."),
        lambda v: v["sanction_vnd"] == 0 or v["sanction_decisions"] > 0,
    ),
    Rule(
        "referred_persons",
        WARNING,
        ("referred_persons", "referred_cases"),
        _("Fewer persons than cases were referred to the investigating authority."),
        lambda v: v["referred_persons"] >= v["referred_cases"],
    ),
)

DERIVED_A = (
    DerivedSpec(
        "insp_total",
        _("Inspections in the period (carried over + started)"),
        "cuộc",
        10,
        ("insp_carried_over", "insp_new"),
    ),
    DerivedSpec(
        "recovery_rate",
        _("Recovery rate (money)"),
        "%",
        30,
        ("recovered_vnd",),
        ("recovery_recommended_vnd",),
    ),
)

SECTION_E = (
    IndicatorSpec("publicity_checks", _("Agencies checked on publicity and transparency"), "đơn vị", FLOW),
    IndicatorSpec("asset_declarations_required", _("Persons required to declare assets and income"), "người", FLOW),
    IndicatorSpec("asset_declarations_done", _("Persons who declared"), "người", FLOW),
    IndicatorSpec("asset_verifications", _("Persons whose assets and income were verified"), "người", FLOW),
    IndicatorSpec("officials_rotated", _("Officials rotated to other positions"), "người", FLOW),
    IndicatorSpec("conduct_violations", _("Persons in breach of the code of conduct"), "người", FLOW),
    IndicatorSpec("corruption_cases", _("Corruption cases detected"), "vụ", FLOW),
    IndicatorSpec("corruption_persons", _("Persons involved in corruption"), "người", FLOW),
    IndicatorSpec("heads_held_responsible", _("Heads of agencies held responsible"), "người", FLOW),
    IndicatorSpec("corruption_recovered_vnd", _("Corruption assets recovered"), "đồng", FLOW),
)

RULES_E = (
    Rule(
        "declarations_done",
        ERROR,
        ("asset_declarations_done", "asset_declarations_required"),
        _("Persons who declared cannot exceed the persons required to declare."),
        lambda v: v["asset_declarations_done"] <= v["asset_declarations_required"],
    ),
    Rule(
        "corruption_persons",
        WARNING,
        ("corruption_persons", "corruption_cases"),
        _("Fewer persons than corruption cases were recorded."),
        lambda v: v["corruption_persons"] >= v["corruption_cases"],
    ),
)

INSPECTIONS = ReportSection(
    code="A",
    label=_("Inspections"),
    model="inspections.InspectionSection",
    indicators=SECTION_A,
    rules=RULES_A,
    derived=DERIVED_A,
)

ANTI_CORRUPTION = ReportSection(
    code="E",
    label=_("Anti-corruption"),
    model="inspections.AntiCorruptionSection",
    indicators=SECTION_E,
    rules=RULES_E,
)
