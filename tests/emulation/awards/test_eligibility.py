"""Eligibility for titles from the records and the dated title rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import translation

from emulation.awards.eligibility import MET, MISSED, NEEDS, person_eligibility, unit_eligibility
from emulation.awards.models import TitleRule


def _result(person, code, year, on=None):
    return person_eligibility(staff_member=person, year=year, on=on).results[code]


def test_it_makes_cstd_bo_eligible_after_3_consecutive_cstdcs_and_an_initiative(records, unit):
    person = records.person(unit("laichau"))
    for year in (2022, 2023, 2024):
        records.rate(person, year, "excellent")
        records.grant(person, "cstdcs", year)
    records.initiative(person, 2023, "province")
    result = _result(person, "cstd_bo", 2024)
    assert result.status == MET, result.reasons


def test_it_refuses_cstd_bo_after_only_2_consecutive_cstdcs(records, unit):
    person = records.person(unit("laichau"))
    for year in (2023, 2024):
        records.grant(person, "cstdcs", year)
    records.rate(person, 2024, "good")  # not CSTĐCS-eligible in 2024 by itself… but granted
    records.initiative(person, 2024, "province")
    with translation.override("en"):
        result = _result(person, "cstd_bo", 2024)
    assert result.status == MISSED
    assert result.reasons == ["2 of 3 consecutive CSTĐCS"]


def test_it_refuses_cstd_bo_with_a_gap_in_the_streak(records, unit):
    person = records.person(unit("laichau"))
    for year in (2021, 2022, 2024):
        records.grant(person, "cstdcs", year)
    records.rate(person, 2023, "completed")
    records.rate(person, 2024, "excellent")
    records.initiative(person, 2024, "province")
    assert _result(person, "cstd_bo", 2024).status == MISSED


def test_it_counts_this_year_when_its_cstdcs_conditions_are_met(records, unit):
    person = records.person(unit("laichau"))
    for year in (2022, 2023):
        records.grant(person, "cstdcs", year)
    records.rate(person, 2024, "excellent")
    records.initiative(person, 2024, "province")
    assert _result(person, "cstd_bo", 2024).status == MET


def test_it_needs_the_initiative_for_cstd_bo(records, unit):
    person = records.person(unit("laichau"))
    for year in (2022, 2023, 2024):
        records.grant(person, "cstdcs", year)
    records.initiative(person, 2024, "grassroots")  # not wide enough
    with translation.override("en"):
        result = _result(person, "cstd_bo", 2024)
    assert result.status == MISSED
    assert result.reasons == ["No initiative at ministry, sector or province level in 2022–2024"]


def test_it_makes_cstd_toanquoc_eligible_after_2_consecutive_cstd_bo(records, unit):
    # Luật TĐKT Điều 21: "02 lần liên tục" CSTĐ cấp bộ, tỉnh: successive awards, each covering
    # its own 3 years (2021 and 2024), not two calendar years in a row.
    person = records.person(unit("sonla"))
    records.grant(person, "cstd_bo", 2021)
    records.grant(person, "cstd_bo", 2024)
    records.initiative(person, 2024, "national")
    assert _result(person, "cstd_toanquoc", 2024).status == MET
    other = records.person(unit("sonla"))
    records.grant(other, "cstd_bo", 2020)  # a gap: 2021 is covered by no award
    records.grant(other, "cstd_bo", 2024)
    records.initiative(other, 2024, "national")
    assert _result(other, "cstd_toanquoc", 2024).status == MISSED


def test_it_explains_ldtt_and_cstdcs_from_the_rating(records, unit):
    good, done = records.people(unit("laichau"), 2)
    records.rate(good, 2024, "good")
    records.rate(done, 2024, "completed")
    assert _result(good, "ldtt", 2024).status == MET
    assert _result(good, "cstdcs", 2024).status == MISSED
    assert _result(done, "ldtt", 2024).status == MISSED
    records.initiative(good, 2024, "grassroots")
    assert _result(good, "cstdcs", 2024).status == MET


def _unit_with_ldtt(records, unit, ldtt: int, total: int, year: int = 2024):
    people = records.people(unit, total)
    for index, person in enumerate(people):
        records.rate(person, year, "good" if index < ldtt else "completed")
    return people


def test_it_passes_tap_the_ldtt_at_exactly_70_percent(records, unit):
    laichau = unit("laichau")
    _unit_with_ldtt(records, laichau, 7, 10)
    records.confirm_unit_conditions(laichau, 2024, "tt_ldtt")
    result = unit_eligibility(unit=laichau, year=2024).collective["tt_ldtt"]
    assert result.status == MET, result.reasons


def test_it_fails_tap_the_ldtt_at_69_percent_saying_by_how_much(records, unit):
    laichau = unit("laichau")
    _unit_with_ldtt(records, laichau, 69, 100)
    with translation.override("en"):
        result = unit_eligibility(unit=laichau, year=2024).collective["tt_ldtt"]
    assert result.status == MISSED
    assert result.reasons == ["69% LĐTT (69 of 100), 70% needed"]


def test_it_blocks_tap_the_ldtt_when_a_member_is_disciplined_at_warning(records, unit):
    laichau = unit("laichau")
    people = _unit_with_ldtt(records, laichau, 10, 10)
    records.confirm_unit_conditions(laichau, 2024, "tt_ldtt")
    records.discipline(people[3], 2024, "reprimand")
    assert unit_eligibility(unit=laichau, year=2024).collective["tt_ldtt"].status == MET
    records.discipline(people[4], 2024, "warning")
    result = unit_eligibility(unit=laichau, year=2024).collective["tt_ldtt"]
    assert result.status == MISSED
    assert people[4].full_name in result.reasons[0]


def test_it_needs_one_cstdcs_member_for_tap_the_ldxs(records, unit):
    laichau = unit("laichau")
    people = _unit_with_ldtt(records, laichau, 8, 10)
    records.confirm_unit_conditions(laichau, 2024, "tt_ldxs")
    result = unit_eligibility(unit=laichau, year=2024).collective["tt_ldxs"]
    assert result.status == MISSED
    records.rate(people[0], 2024, "excellent")  # now CSTĐCS-eligible
    result = unit_eligibility(unit=laichau, year=2024).collective["tt_ldxs"]
    assert result.status == MET, result.reasons


def test_it_applies_a_rule_row_from_its_valid_from_date_only(records, unit):
    laichau = unit("laichau")
    _unit_with_ldtt(records, laichau, 3, 4, year=2025)  # 75%
    records.confirm_unit_conditions(laichau, 2025, "tt_ldtt")
    current = TitleRule.objects.get(award_id="tt_ldtt", valid_from=dt.date(2024, 1, 1))
    current.valid_to = dt.date(2025, 6, 30)
    current.save()
    TitleRule.objects.create(
        award_id="tt_ldtt", valid_from=dt.date(2025, 7, 1), members_ldtt_percent=Decimal("80"),
        blocking_discipline="warning", legal_basis="Nghị định 152/2025/NĐ-CP (thử)",
    )
    before = unit_eligibility(unit=laichau, year=2025, on=dt.date(2025, 6, 30))
    after = unit_eligibility(unit=laichau, year=2025, on=dt.date(2025, 7, 1))
    assert before.collective["tt_ldtt"].status == MET
    assert after.collective["tt_ldtt"].status == MISSED
    assert "80%" in after.collective["tt_ldtt"].reasons[0]


def test_it_changes_nothing_with_the_15_percent_cap_until_it_is_switched_on(records, unit):
    laichau = unit("laichau")
    people = records.people(laichau, 10)
    for person in people[:3]:
        records.rate(person, 2024, "excellent")
    for person in people[3:]:
        records.rate(person, 2024, "good")

    def statuses():
        result = unit_eligibility(unit=laichau, year=2024)
        return [(p.results["cstdcs"].status, len(p.results["cstdcs"].checks))
                for p in result.members]

    baseline = statuses()
    cap = TitleRule.objects.get(award_id="cstdcs", max_share_of_ldtt__isnull=False)
    assert cap.enabled is False
    assert statuses() == baseline
    cap.enabled = True
    cap.save()
    capped = unit_eligibility(unit=laichau, year=2024)
    # 15% of 10 LĐTT = 1 CSTĐCS at most; 3 meet the conditions: the unit must choose.
    assert [p.results["cstdcs"].status for p in capped.members].count(NEEDS) == 3
    assert statuses() != baseline


def test_it_lists_who_becomes_eligible_next_year(records, unit):
    laichau = unit("laichau")
    person = records.person(laichau, name="Lò Văn Streak")
    records.grant(person, "cstdcs", 2023)
    records.grant(person, "cstdcs", 2024)
    other = records.person(laichau)
    records.rate(other, 2024, "good")
    result = unit_eligibility(unit=laichau, year=2024)
    assert [(e.staff_member, e.award.code) for e in result.next_year] == [(person, "cstd_bo")]
