"""The emulation law, article by article: LĐTT time worked, leave and discipline; thresholds
with their comparator; CSTĐCS per period; streaks counting awards; cash of the Bằng khen của
Thủ tướng; holds while a complaint is verified; ceased units; the rules page; query counts."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from emulation.awards.eligibility import MET, MISSED, PAUSED, person_eligibility, unit_eligibility
from emulation.awards.models import Registration, RegistrationItem
from emulation.awards.rulebook import HEADERS
from emulation.awards.selectors import cash_reward
from emulation.staff.models import PendingComplaint
from emulation.staff.selectors import consideration_hold
from emulation.staff.services import staff_carry_to_successor, staff_member_move
from tests.emulation.conftest import queries_of


def _result(person, code, year):
    return person_eligibility(staff_member=person, year=year).results[code]


# LĐTT: time worked, leave, discipline ------------------------------------------------------


def test_nd91_art10_ldtt_refused_under_10_months_worked_in_2023(records, unit):
    laichau = unit("laichau")
    short = records.person(laichau, start=dt.date(2023, 4, 1))  # 9 months
    enough = records.person(laichau, start=dt.date(2023, 3, 1))  # 10 months
    for person in (short, enough):
        records.rate(person, 2023, "good")
    with translation.override("en"):
        refused = _result(short, "ldtt", 2023)
    assert refused.status == MISSED
    assert "at least 10 needed" in refused.reasons[0]
    assert _result(enough, "ldtt", 2023).status == MET


def test_tt01_2024_ldtt_refused_under_6_months_worked_from_2024(records, unit):
    laichau = unit("laichau")
    short = records.person(laichau, start=dt.date(2024, 8, 1))  # 5 months
    enough = records.person(laichau, start=dt.date(2024, 6, 1))  # 7 months: enough from 2024
    for person in (short, enough):
        records.rate(person, 2024, "good")
    with translation.override("en"):
        refused = _result(short, "ldtt", 2024)
    assert refused.status == MISSED
    assert "at least 6 needed" in refused.reasons[0]
    assert _result(enough, "ldtt", 2024).status == MET


def test_nd91_art10_ldtt_counts_maternity_leave_as_time_worked(records, unit):
    laichau = unit("laichau")
    mother, unpaid = records.people(laichau, 2)
    for person in (mother, unpaid):
        records.rate(person, 2023, "good")
    records.leave(mother, "maternity", dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    records.leave(unpaid, "unpaid", dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    assert _result(mother, "ldtt", 2023).status == MET
    assert _result(unpaid, "ldtt", 2023).status == MISSED


@pytest.mark.parametrize("year", [2023, 2024])
def test_nd91_art10_ldtt_refused_after_a_reprimand(records, unit, year):
    person = records.person(unit("laichau"))
    records.rate(person, year, "excellent")
    assert _result(person, "ldtt", year).status == MET
    records.discipline(person, year, "reprimand")
    assert _result(person, "ldtt", year).status == MISSED


def test_luat2003_art28_collective_share_counts_only_real_ldtt(records, unit):
    laichau = unit("laichau")
    people = records.people(laichau, 4)
    for person in people[:3]:
        records.rate(person, 2023, "good")  # 75% by the rating alone
    records.rate(people[3], 2023, "completed")
    records.discipline(people[0], 2023, "reprimand")  # not LĐTT: 2 of 4 = 50%
    records.confirm_unit_conditions(laichau, 2023, "tt_ldtt")
    result = unit_eligibility(unit=laichau, year=2023)
    assert result.ldtt_count == 2
    title = result.collective["tt_ldtt"]
    assert title.status == MISSED
    hint = next(c.hint for c in title.checks if c.ok is False)
    assert people[0].full_name in hint and people[3].full_name in hint


# Thresholds carry their comparator ----------------------------------------------------------


def test_luat2003_art28_exactly_50_percent_fails_tap_the_ldtt_before_2024(records, unit):
    laichau = unit("laichau")
    people = records.people(laichau, 4)
    for index, person in enumerate(people):
        records.rate(person, 2023, "good" if index < 2 else "completed")
    records.confirm_unit_conditions(laichau, 2023, "tt_ldtt")
    with translation.override("en"):
        title = unit_eligibility(unit=laichau, year=2023).collective["tt_ldtt"]
    assert title.status == MISSED
    assert title.reasons == ["50% LĐTT (2 of 4), more than 50% needed"]
    records.rate(people[2], 2023, "good")  # 75%
    assert unit_eligibility(unit=laichau, year=2023).collective["tt_ldtt"].status == MET


def test_luat2022_art28_exactly_70_percent_passes_tap_the_ldtt_from_2024(records, unit):
    laichau = unit("laichau")
    people = records.people(laichau, 10)
    for index, person in enumerate(people):
        records.rate(person, 2024, "good" if index < 7 else "completed")
    records.confirm_unit_conditions(laichau, 2024, "tt_ldtt")
    assert unit_eligibility(unit=laichau, year=2024).collective["tt_ldtt"].status == MET


def test_luat2022_art28_collective_title_needs_the_leaders_confirmation(records, unit):
    laichau = unit("laichau")
    for person in records.people(laichau, 3):
        records.rate(person, 2024, "good")
    title = unit_eligibility(unit=laichau, year=2024).collective["tt_ldtt"]
    assert title.status == "needs"
    assert any("phong trào thi đua" in c.condition for c in title.checks if c.ok is None)


# CSTĐCS per period --------------------------------------------------------------------------


def test_luat2003_art23_cstdcs_before_2024_needs_an_initiative(records, unit):
    person = records.person(unit("laichau"))
    records.rate(person, 2023, "excellent")
    assert _result(person, "cstdcs", 2023).status == MISSED
    records.initiative(person, 2023, "grassroots")
    assert _result(person, "cstdcs", 2023).status == MET


def test_luat2022_art23_cstdcs_from_2024_met_by_excellent_alone(records, unit):
    person = records.person(unit("laichau"))
    records.rate(person, 2024, "excellent")
    assert _result(person, "cstdcs", 2024).status == MET


# Streaks count awards -----------------------------------------------------------------------


def test_luat2003_art21_two_cstd_tinh_three_years_apart_make_cstd_toanquoc_eligible(records, unit):
    person = records.person(unit("sonla"))
    records.grant(person, "cstd_bo", 2020)
    records.grant(person, "cstd_bo", 2023)
    records.initiative(person, 2023, "national")
    assert _result(person, "cstd_toanquoc", 2023).status == MET


def test_luat2003_art22_years_used_for_cstd_tinh_are_not_reused(records, unit):
    person = records.person(unit("laichau"))
    for year in (2019, 2020, 2021, 2022):
        records.grant(person, "cstdcs", year)
    records.grant(person, "cstd_bo", 2021)  # used 2019–2021
    records.grant(person, "cstdcs", 2023)
    records.initiative(person, 2023, "province")
    with translation.override("en"):
        result = _result(person, "cstd_bo", 2023)
    assert result.status == MISSED
    streak = next(c for c in result.checks if c.ok is False)
    assert streak.text.startswith("2 ")
    assert "2021" in streak.hint  # the missing year, used by the award of 2021


def test_luat2003_art22_missed_streak_names_the_missing_year(records, unit):
    person = records.person(unit("laichau"))
    for year in (2022, 2024):
        records.grant(person, "cstdcs", year)
    records.initiative(person, 2024, "province")
    with translation.override("en"):
        streak = next(c for c in _result(person, "cstd_bo", 2024).checks if c.ok is False)
    assert "2023" in streak.hint


def test_luat2003_art21_next_year_list_reads_awards_not_years(records, unit):
    sonla = unit("sonla")
    due = records.person(sonla, name="A Due")
    records.grant(due, "cstd_bo", 2022)  # another in 2025 would be the second successive one
    early = records.person(sonla, name="B Early")
    records.grant(early, "cstd_bo", 2024)  # the next one can only come in 2027
    entries = unit_eligibility(unit=sonla, year=2024).next_year
    assert [(e.staff_member, e.award.code) for e in entries if e.award.code == "cstd_toanquoc"] \
        == [(due, "cstd_toanquoc")]


# Cash of the Bằng khen của Thủ tướng --------------------------------------------------------

BK_TTG = [
    # ND 91/2017 (3,5 / 7,0), base 1.490.000: 5.215.000 rounded up to 5.220.000
    (dt.date(2023, 6, 30), 5_220_000, 10_430_000),
    (dt.date(2023, 7, 1), 6_300_000, 12_600_000),  # ND 24/2023: 1.800.000
    (dt.date(2023, 12, 31), 6_300_000, 12_600_000),
    (dt.date(2024, 1, 1), 6_300_000, 12_600_000),  # ND 98/2023
    (dt.date(2024, 6, 30), 6_300_000, 12_600_000),
    (dt.date(2024, 7, 1), 8_190_000, 16_380_000),  # ND 73/2024: 2.340.000
    (dt.date(2025, 6, 30), 8_190_000, 16_380_000),
    (dt.date(2025, 7, 1), 8_190_000, 16_380_000),  # ND 152/2025 Điều 54 khoản 1: 3,5
]


@pytest.mark.django_db
@pytest.mark.parametrize(("day", "individual", "collective"), BK_TTG)
def test_nd152_art54_bk_ttg_cash_is_multiplier_times_base_salary(day, individual, collective):
    assert cash_reward(title_or_form_code="bk_ttg", decision_date=day,
                       collective=False) == individual
    assert cash_reward(title_or_form_code="bk_ttg", decision_date=day,
                       collective=True) == collective


# Pending complaints: on hold, following the person --------------------------------------


def test_nd98_art4_pending_denunciation_puts_the_person_on_hold_in_both_units(
    records, unit, leader_laichau, leader_sonla, client_for
):
    laichau, sonla = unit("laichau"), unit("sonla")
    person = records.person(laichau)
    records.rate(person, 2024, "good")
    PendingComplaint.objects.create(kind="denunciation", unit=laichau, staff_member=person,
                                    received_on=dt.date(2024, 5, 1), summary="Đơn tố cáo")
    with translation.override("vi"):
        result = _result(person, "ldtt", 2024)
    assert result.status == PAUSED
    assert "đang xác minh" in result.reasons[0]
    staff_member_move(staff_member=person, unit=sonla, position="Thanh tra viên",
                      leadership_level="staff", start=dt.date(2024, 9, 1), by=leader_sonla)
    moved = unit_eligibility(unit=sonla, year=2024).person(person.pk)
    assert moved.results["ldtt"].status == PAUSED
    assert consideration_hold(staff_member=person, on=dt.date(2024, 12, 31)) is not None
    registration = Registration.objects.create(unit=sonla, year=2024)
    RegistrationItem.objects.create(registration=registration, award_id="ldtt",
                                    staff_member=person)
    body = client_for(leader_sonla).get(
        reverse("emulation:registration_detail", args=["sonla", 2024]),
        HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert 'data-testid="pending"' in body and 'data-testid="paused"' in body


# Ceased units --------------------------------------------------------------------------------


def test_a_ceased_unit_refuses_assignments_and_carries_its_staff_to_the_successor(
    records, unit, leader_sonla
):
    laichau, sonla = unit("laichau"), unit("sonla")
    person = records.person(laichau)
    records.rate(person, 2025, "good", unit=laichau)
    laichau.valid_to, laichau.successor = dt.date(2025, 6, 30), sonla
    laichau.save()
    newcomer = records.person(sonla)
    with pytest.raises(ValidationError):
        staff_member_move(staff_member=newcomer, unit=laichau, position="Thanh tra viên",
                          leadership_level="staff", start=dt.date(2025, 7, 1), by=leader_sonla)
    carried = staff_carry_to_successor(unit=laichau)
    assert [a.staff_member for a in carried] == [person]
    assert carried[0].start == dt.date(2025, 7, 1)
    assert person.assignments.count() == 2  # the history stays
    assert unit_eligibility(unit=sonla, year=2025).person(person.pk) is not None
    assert unit_eligibility(unit=laichau, year=2025).person(person.pk) is None


# The rules page, the query count -----------------------------------------------------------


def test_the_rules_page_lists_multipliers_in_force_with_their_basis(client_for, secretariat):
    url = reverse("emulation:rules")
    body = client_for(secretariat).get(url, {"on": "2025-07-01"}).content.decode()
    assert "Nghị định 152/2025/NĐ-CP Điều 54 khoản 1" in body
    assert "3,5" in body and 'data-testid="to-confirm"' in body
    older = client_for(secretariat).get(url, {"on": "2023-06-30"}).content.decode()
    assert "Nghị định 152/2025" not in older and "1.490.000" in older


def test_the_rules_export_has_vietnamese_headers_a_named_sheet_and_no_ids(client_for, secretariat):
    response = client_for(secretariat).get(reverse("emulation:rules_export"), {"on": "2024-08-01"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Quy tắc hiện hành"]
    sheet = workbook.active
    assert [c.value for c in sheet[3]] == HEADERS
    values = [str(c.value) for row in sheet.iter_rows(min_row=4) for c in row if c.value]
    assert any("Nghị định 98/2023/NĐ-CP Điều 54" in v for v in values)
    assert "id" not in [str(c.value).lower() for c in sheet[3]]


def test_the_eligibility_page_query_count_does_not_grow_with_the_staff(
    records, unit, client_for, leader_laichau
):
    laichau = unit("laichau")
    url = reverse("emulation:eligibility", args=["laichau", 2024])

    def add(count):
        for person in records.people(laichau, count):
            records.rate(person, 2024, "good")
            records.grant(person, "cstdcs", 2023)
            records.leave(person, "maternity", dt.date(2024, 2, 1), dt.date(2024, 3, 1))

    add(4)
    client = client_for(leader_laichau)
    first = queries_of(client, url)
    add(4)  # double the staff
    assert queries_of(client, url) == first


@pytest.mark.django_db
def test_one_deadline_model_holds_registrations_and_dossiers():
    from emulation.movements.models import CycleDeadline
    from emulation.movements.selectors.deadlines import dossier_deadline, registration_deadline
    from emulation.scoring import models as scoring_models

    assert not hasattr(scoring_models, "DossierDeadlineRule")
    assert dossier_deadline(year=2024) == dt.date(2024, 12, 20)  # kept by the merge
    assert registration_deadline(year=2024) == dt.date(2024, 3, 25)
    row = CycleDeadline.objects.get(kind="cluster_dossier")
    row.day = 15
    row.save()
    assert dossier_deadline(year=2024) == dt.date(2024, 12, 15)  # the scoring reads this row
    from emulation.scoring.services.vote import dossier_deadline_for

    assert dossier_deadline_for(year=2024) == dt.date(2024, 12, 15)


def test_the_admin_action_carries_a_ceased_units_staff_to_its_successor(
    records, unit, client_for, secretariat
):
    laichau, sonla = unit("laichau"), unit("sonla")
    person = records.person(laichau)
    laichau.valid_to, laichau.successor = dt.date(2025, 6, 30), sonla
    laichau.save()
    assignment = person.assignments.get()
    response = client_for(secretariat).post(
        reverse("admin:emulation_staffassignment_changelist"),
        {"action": "carry_to_successor", "_selected_action": [assignment.pk]},
    )
    assert response.status_code == 302
    assert person.assignments.order_by("-start").first().unit == sonla
