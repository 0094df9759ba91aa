"""Every rule of the dictionary: one case refused (or warned), one case passing."""

from __future__ import annotations

import pytest

from cum4.reports.sections import ERROR, WARNING
from cum4.reports.validation import check_values, errors, warnings

# (section, row, values that break the rule, values that keep it, rule code, level)
CASES = [
    ("A", "", {"insp_planned": 3, "insp_unplanned": 1, "insp_new": 5},
     {"insp_planned": 4, "insp_unplanned": 1, "insp_new": 5}, "insp_split", ERROR),
    ("A", "", {"insp_concluded": 9, "insp_carried_over": 2, "insp_new": 5},
     {"insp_concluded": 7, "insp_carried_over": 2, "insp_new": 5}, "insp_concluded", ERROR),
    ("A", "", {"subjects_violating": 11, "subjects_inspected": 10},
     {"subjects_violating": 10, "subjects_inspected": 10}, "subjects_violating", ERROR),
    ("A", "", {"recovery_recommended_vnd": 60, "other_economic_vnd": 50, "violation_vnd": 100},
     {"recovery_recommended_vnd": 50, "other_economic_vnd": 50, "violation_vnd": 100},
     "recovery_vs_violation", WARNING),
    ("A", "", {"recovery_recommended_land_m2": 11, "violation_land_m2": 10},
     {"recovery_recommended_land_m2": 10, "violation_land_m2": 10},
     "recovery_land_vs_violation", WARNING),
    ("A", "", {"recovered_vnd": 11, "recovery_recommended_vnd": 10},
     {"recovered_vnd": 10, "recovery_recommended_vnd": 10}, "recovered_vs_recommended", WARNING),
    ("A", "", {"sanction_vnd": 1_000_000, "sanction_decisions": 0},
     {"sanction_vnd": 0, "sanction_decisions": 3}, "sanction_needs_decision", ERROR),
    ("A", "", {"referred_persons": 1, "referred_cases": 2},
     {"referred_persons": 2, "referred_cases": 2}, "referred_persons", WARNING),
    ("B", "", {"reception_persons": 9, "reception_turns": 10},
     {"reception_persons": 10, "reception_turns": 10}, "reception_persons", ERROR),
    ("C", "", {"petitions_complaint": 1, "petitions_denunciation": 1, "petitions_proposal": 1,
               "petitions_received": 4},
     {"petitions_complaint": 1, "petitions_denunciation": 1, "petitions_proposal": 2,
      "petitions_received": 4}, "petitions_split", ERROR),
    ("C", "", {"petitions_eligible": 8, "petitions_carried_over": 2, "petitions_received": 5},
     {"petitions_eligible": 7, "petitions_carried_over": 2, "petitions_received": 5},
     "petitions_eligible", ERROR),
    ("C", "", {"petitions_in_jurisdiction": 3, "petitions_out_jurisdiction": 3,
               "petitions_eligible": 7},
     {"petitions_in_jurisdiction": 4, "petitions_out_jurisdiction": 3, "petitions_eligible": 7},
     "petitions_jurisdiction", ERROR),
    ("D", "complaint", {"cases_resolved": 6, "cases_carried_over": 2, "cases_new": 3},
     {"cases_resolved": 5, "cases_carried_over": 2, "cases_new": 3}, "cases_resolved", ERROR),
    ("D", "denunciation", {"cases_resolved_on_time": 6, "cases_resolved": 5},
     {"cases_resolved_on_time": 5, "cases_resolved": 5}, "cases_on_time", ERROR),
    ("D", "complaint", {"cases_withdrawn": 6, "cases_resolved": 5},
     {"cases_withdrawn": 5, "cases_resolved": 5}, "cases_withdrawn", ERROR),
    ("D", "denunciation", {"findings_correct": 2, "findings_partly_correct": 1,
                           "findings_incorrect": 1, "cases_resolved": 5, "cases_withdrawn": 2},
     {"findings_correct": 1, "findings_partly_correct": 1, "findings_incorrect": 1,
      "cases_resolved": 5, "cases_withdrawn": 2}, "findings", ERROR),
    ("E", "", {"asset_declarations_done": 11, "asset_declarations_required": 10},
     {"asset_declarations_done": 10, "asset_declarations_required": 10},
     "declarations_done", ERROR),
    ("E", "", {"corruption_persons": 1, "corruption_cases": 2},
     {"corruption_persons": 2, "corruption_cases": 2}, "corruption_persons", WARNING),
]


def _values(section: str, row: str, values: dict) -> dict:
    return {section: {row: values}}


@pytest.mark.parametrize(("section", "row", "bad", "good", "rule", "level"), CASES)
def test_it_judges_each_rule_of_the_dictionary(section, row, bad, good, rule, level):
    found = [i for i in check_values(_values(section, row, bad)) if i.rule == rule]
    assert [i.level for i in found] == [level]
    assert set(found[0].fields) == set(bad)
    assert not [i for i in check_values(_values(section, row, good)) if i.rule == rule]


def test_it_does_not_judge_a_rule_while_a_field_is_empty():
    values = _values("A", "", {"insp_planned": 3, "insp_unplanned": None, "insp_new": 5})
    assert not check_values(values)


def test_it_separates_errors_from_warnings():
    issues = check_values(
        {"A": {"": {"subjects_violating": 11, "subjects_inspected": 10,
                    "referred_persons": 0, "referred_cases": 1}}}
    )
    assert [i.rule for i in errors(issues)] == ["subjects_violating"]
    assert [i.rule for i in warnings(issues)] == ["referred_persons"]


def _d(carried, new, resolved):
    return {"D": {"complaint": {"cases_carried_over": carried, "cases_new": new,
                                "cases_resolved": resolved}}}


def test_it_warns_when_an_opening_differs_from_the_previous_closing():
    from cum4.reports.validation import opening_issues

    previous = _d(carried=2, new=5, resolved=4)  # 3 still pending
    assert not opening_issues(_d(3, 1, 1), previous)
    found = opening_issues(_d(4, 1, 1), previous)
    assert [(i.level, i.rule, i.fields) for i in found] == [
        (WARNING, "opening_balance", ("cases_carried_over",))
    ]
    assert not opening_issues(_d(4, 1, 1), None)  # no previous quarter: nothing to compare


def test_it_does_not_invent_a_closing_balance_for_petitions():
    from cum4.reports.validation import opening_issues

    # Ineligible petitions are filed away, not pending: the dictionary cannot compute it.
    previous = {"C": {"": {"petitions_carried_over": 10, "petitions_received": 100,
                           "petitions_eligible": 95}}}
    assert not opening_issues({"C": {"": {"petitions_carried_over": 9}}}, previous)


def _turns(n):
    return {"B": {"": {"reception_turns": n}}}


def test_it_warns_on_a_value_above_three_times_the_median_of_the_last_quarters():
    from cum4.reports.validation import outlier_issues

    history = [_turns(n) for n in (100, 90, 110, 100, 5000, 5000, 5000, 5000, 5000)]
    # The window is the last 8 quarters: median of 100, 90, 110, 100, 5000 ×4 = 2555.
    assert not outlier_issues(_turns(7000), history)
    short = [_turns(n) for n in (100, 90, 110, 100)]
    found = outlier_issues(_turns(301), short)
    assert [(i.rule, i.level, i.fields) for i in found] == [
        ("outlier", WARNING, ("reception_turns",))
    ]
    assert not outlier_issues(_turns(300), short)


def test_it_needs_four_quarters_of_history_for_the_outlier_check():
    from cum4.reports.validation import outlier_issues

    assert not outlier_issues(_turns(10_000), [_turns(1), _turns(1), _turns(1)])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("section", "row", "bad", "good", "rule", "level"),
    [case for case in CASES if case[-1] == ERROR],
)
def test_it_keeps_each_single_row_error_rule_as_a_database_constraint(
    section, row, bad, good, rule, level, unit
):
    from django.db import IntegrityError, transaction

    from cum4.reports.models import QuarterlyReport
    from cum4.reports.validation import section_by_code

    spec = section_by_code()[section]
    model = spec.model_class()
    report = QuarterlyReport.objects.create(unit=unit("sonla"), year=2022, quarter=1)
    extra = {spec.row_field: row} if spec.row_field else {}
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(report=report, **extra, **bad)  # save() bypasses clean()
    model.objects.create(report=report, **extra, **good)
