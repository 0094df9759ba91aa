from __future__ import annotations

import datetime as dt

import pytest

from cum4.models import QuarterWindow
from cum4.periods import period_of, periods_of_year, quarter_containing

pytestmark = pytest.mark.django_db


def test_it_gives_2022_q1_from_the_previous_december():
    q1 = period_of(2022, "q1")
    assert (q1.start, q1.end) == (dt.date(2021, 12, 15), dt.date(2022, 3, 14))
    assert q1.unit_deadline == dt.date(2022, 3, 17)
    assert q1.cluster_deadline == dt.date(2022, 3, 20)


def test_it_derives_the_year_and_half_year_from_the_quarters():
    periods = periods_of_year(2022)
    assert (periods["year"].start, periods["year"].end) == (dt.date(2021, 12, 15), dt.date(2022, 12, 14))
    assert (periods["6m"].start, periods["6m"].end) == (dt.date(2021, 12, 15), dt.date(2022, 6, 14))
    assert periods["9m"].quarters == (1, 2, 3)
    assert periods["year"].is_derived and not periods["q4"].is_derived


def test_it_partitions_the_year_without_gaps():
    periods = periods_of_year(2023)
    for before, after in (("q1", "q2"), ("q2", "q3"), ("q3", "q4")):
        assert periods[after].start == periods[before].end + dt.timedelta(days=1)


def test_it_puts_mid_december_in_the_next_years_first_quarter():
    assert quarter_containing(dt.date(2022, 12, 15)).code == "q1"
    assert quarter_containing(dt.date(2022, 12, 15)).year == 2023
    assert quarter_containing(dt.date(2022, 12, 14)).code == "q4"


def test_it_applies_a_later_rule_row_to_later_years_only():
    for quarter, (sm, sd, prev, em, ed) in {
        1: (1, 1, False, 3, 31),
        2: (4, 1, False, 6, 30),
        3: (7, 1, False, 9, 30),
        4: (10, 1, False, 12, 31),
    }.items():
        QuarterWindow.objects.create(
            quarter=quarter, valid_from=dt.date(2027, 1, 1), legal_basis="Thông tư giả định 2027",
            start_month=sm, start_day=sd, start_in_previous_year=prev, end_month=em, end_day=ed,
            unit_deadline_month=em, unit_deadline_day=min(ed, 28),
            cluster_deadline_month=em, cluster_deadline_day=min(ed, 28),
        )
    assert period_of(2027, "q1").start == dt.date(2027, 1, 1)
    assert period_of(2027, "year").end == dt.date(2027, 12, 31)
    assert period_of(2026, "q1").start == dt.date(2025, 12, 15)
    assert period_of(2022, "year").end == dt.date(2022, 12, 14)


def test_it_names_the_legal_basis_in_force():
    assert "02/2021" in period_of(2022, "q1").legal_basis
    assert "06/2025" in period_of(2026, "q1").legal_basis


def test_it_finds_the_quarter_of_a_day_in_one_query_a_year(django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # the day's year, and the next for 15-31/12
        assert quarter_containing(dt.date(2022, 12, 20)).year == 2023
