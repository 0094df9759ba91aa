"""Sections B (citizen reception), C (petition handling) and D (resolution) of the quarterly
report, as data. Section D is entered twice: once for complaints, once for denunciations.

Codes, units, kinds and rules follow shared/design/indicators.md.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cum4.reports.sections import (
    ERROR,
    FLOW,
    OPENING,
    DerivedSpec,
    IndicatorSpec,
    ReportSection,
    Rule,
)

SECTION_B = (
    IndicatorSpec("reception_turns", _("Citizen reception turns"), "lượt", FLOW),
    IndicatorSpec("reception_persons", _("Persons received"), "người", FLOW),
    IndicatorSpec("reception_cases", _("Matters received"), "vụ việc", FLOW),
    IndicatorSpec("crowd_delegations", _("Crowd delegations"), "đoàn", FLOW),
    IndicatorSpec("leader_reception_sessions", _("Regular and ad-hoc reception sessions of the head"), "kỳ", FLOW),
)

RULES_B = (
    Rule(
        "reception_persons",
        ERROR,
        ("reception_persons", "reception_turns"),
        _("Persons received cannot be fewer than reception turns."),
        lambda v: v["reception_persons"] >= v["reception_turns"],
    ),
)

SECTION_C = (
    IndicatorSpec("petitions_carried_over", _("Petitions carried over from the previous period"), "đơn", OPENING),
    IndicatorSpec("petitions_received", _("Petitions received in the period"), "đơn", FLOW),
    IndicatorSpec("petitions_complaint", _("of which: complaints"), "đơn", FLOW),
    IndicatorSpec("petitions_denunciation", _("of which: denunciations"), "đơn", FLOW),
    IndicatorSpec("petitions_proposal", _("of which: proposals, requests, reports"), "đơn", FLOW),
    IndicatorSpec("petitions_eligible", _("Petitions eligible for handling"), "đơn", FLOW),
    IndicatorSpec("petitions_in_jurisdiction", _("Petitions within jurisdiction"), "đơn", FLOW),
    IndicatorSpec("petitions_out_jurisdiction", _("Petitions outside jurisdiction (guided, forwarded, followed up)"), "đơn", FLOW),
)

RULES_C = (
    Rule(
        "petitions_split",
        ERROR,
        ("petitions_complaint", "petitions_denunciation", "petitions_proposal", "petitions_received"),
        _("Complaints, denunciations and proposals must add up to the petitions received."),
        lambda v: v["petitions_complaint"] + v["petitions_denunciation"] + v["petitions_proposal"]
        == v["petitions_received"],
    ),
    Rule(
        "petitions_eligible",
        ERROR,
        ("petitions_eligible", "petitions_carried_over", "petitions_received"),
        _("Eligible petitions cannot exceed those carried over plus those received."),
        lambda v: v["petitions_eligible"] <= v["petitions_carried_over"] + v["petitions_received"],
    ),
    Rule(
        "petitions_jurisdiction",
        ERROR,
        ("petitions_in_jurisdiction", "petitions_out_jurisdiction", "petitions_eligible"),
        _("Petitions within and outside jurisdiction must add up to the eligible petitions."),
        lambda v: v["petitions_in_jurisdiction"] + v["petitions_out_jurisdiction"]
        == v["petitions_eligible"],
    ),
)

SECTION_D = (
    IndicatorSpec("cases_carried_over", _("Cases carried over from the previous period"), "vụ việc", OPENING),
    IndicatorSpec("cases_new", _("Cases within jurisdiction arising in the period"), "vụ việc", FLOW),
    IndicatorSpec("cases_resolved", _("Resolved"), "vụ việc", FLOW),
    IndicatorSpec("cases_resolved_on_time", _("of which: on time"), "vụ việc", FLOW),
    IndicatorSpec("cases_withdrawn", _("of which: withdrawn"), "vụ việc", FLOW),
    IndicatorSpec("findings_correct", _("Finding: well-founded"), "vụ việc", FLOW),
    IndicatorSpec("findings_partly_correct", _("Finding: partly well-founded"), "vụ việc", FLOW),
    IndicatorSpec("findings_incorrect", _("Finding: unfounded"), "vụ việc", FLOW),
    IndicatorSpec("kntc_recovery_vnd", _("Recovery to the State recommended"), "đồng", FLOW),
    IndicatorSpec("kntc_returned_vnd", _("Returned to organisations and persons"), "đồng", FLOW),
    IndicatorSpec("kntc_admin_handling_persons", _("Administrative handling recommended"), "người", FLOW),
    IndicatorSpec("kntc_referred_cases", _("Referred to the investigating authority"), "vụ", FLOW),
)

RULES_D = (
    Rule(
        "cases_resolved",
        ERROR,
        ("cases_resolved", "cases_carried_over", "cases_new"),
        _("Resolved cases cannot exceed those carried over plus those arising."),
        lambda v: v["cases_resolved"] <= v["cases_carried_over"] + v["cases_new"],
    ),
    Rule(
        "cases_on_time",
        ERROR,
        ("cases_resolved_on_time", "cases_resolved"),
        _("Cases resolved on time cannot exceed the cases resolved."),
        lambda v: v["cases_resolved_on_time"] <= v["cases_resolved"],
    ),
    Rule(
        "cases_withdrawn",
        ERROR,
        ("cases_withdrawn", "cases_resolved"),
        _("Withdrawn cases cannot exceed the cases resolved."),
        lambda v: v["cases_withdrawn"] <= v["cases_resolved"],
    ),
    Rule(
        "findings",
        ERROR,
        (
            "findings_correct",
            "findings_partly_correct",
            "findings_incorrect",
            "cases_resolved",
            "cases_withdrawn",
        ),
        _("The findings cannot exceed the cases resolved minus those withdrawn."),
        lambda v: v["findings_correct"] + v["findings_partly_correct"] + v["findings_incorrect"]
        <= v["cases_resolved"] - v["cases_withdrawn"],
    ),
)

DERIVED_D = (
    DerivedSpec(
        "cases_in_jurisdiction",
        _("Cases within jurisdiction (carried over + arising)"),
        "vụ việc",
        20,
        ("cases_carried_over", "cases_new"),
    ),
    DerivedSpec(
        "resolution_rate",
        _("Resolution rate"),
        "%",
        40,
        ("cases_resolved",),
        ("cases_carried_over", "cases_new"),
    ),
    DerivedSpec(
        "on_time_rate",
        _("Resolved on time"),
        "%",
        50,
        ("cases_resolved_on_time",),
        ("cases_resolved",),
    ),
)

RECEPTION = ReportSection(
    code="B",
    label=_("Citizen reception"),
    model="complaints.ReceptionSection",
    indicators=SECTION_B,
    rules=RULES_B,
)

PETITIONS = ReportSection(
    code="C",
    label=_("Petition handling"),
    model="complaints.PetitionSection",
    indicators=SECTION_C,
    rules=RULES_C,
    # No carry rule: the dictionary has no count of petitions handled (an ineligible petition
    # is filed away, not left pending), so their closing balance cannot be computed.
)

RESOLUTION = ReportSection(
    code="D",
    label=_("Resolution of complaints and denunciations"),
    model="complaints.ResolutionSection",
    indicators=SECTION_D,
    rules=RULES_D,
    derived=DERIVED_D,
    rows=(("complaint", _("Complaints")), ("denunciation", _("Denunciations"))),
    row_field="kind",
    carry=(("cases_carried_over", ("cases_carried_over", "cases_new"), ("cases_resolved",)),),
)
