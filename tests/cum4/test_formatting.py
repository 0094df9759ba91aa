from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.template import Context, Template

from cum4.formatting import vn_date, vn_money, vn_number, vn_percent, vn_rate


def test_it_formats_numbers_the_vietnamese_way():
    assert vn_number(1902) == "1.902"
    assert vn_number(11377) == "11.377"
    assert vn_number(0) == "0"
    assert vn_number(1234567.891, 2) == "1.234.567,89"
    assert vn_number(None) == "–"


def test_it_formats_ratios_and_rates_as_percentages():
    assert vn_percent(0.8972) == "89,72%"
    assert vn_percent(Decimal("0.884"), 1) == "88,4%"
    assert vn_rate(Decimal("89.72")) == "89,72%"


def test_it_writes_large_amounts_in_ty_dong():
    assert vn_money(71_560_000_000) == "71,56 tỷ đồng"
    assert vn_money(250_000_000) == "250 triệu đồng"
    assert vn_money(950_000) == "950.000 đồng"


def test_it_writes_dates_day_first():
    assert vn_date(dt.date(2022, 3, 17)) == "17/03/2022"


def test_it_offers_the_same_formats_as_template_filters():
    rendered = Template(
        "{% load vn %}{{ n|vn_number }} {{ r|vn_percent }} {{ m|vn_money }} {{ d|vn_date }}"
    ).render(Context({"n": 1902, "r": 0.8972, "m": 71_560_000_000, "d": dt.date(2022, 11, 16)}))
    assert rendered == "1.902 89,72% 71,56 tỷ đồng 16/11/2022"


def test_it_shows_a_missing_value_in_a_template_as_a_dash_not_an_error():
    rendered = Template("{% load vn %}{{ nothing.here|vn_number }}|{{ text|vn_money }}").render(
        Context({"text": "n/a"})
    )
    assert rendered == "–|n/a"


def test_it_formats_an_indicator_by_its_code():
    from cum4.formatting import vn_figure

    assert vn_figure(Decimal("89.72"), "recovery_rate") == "89,72%"
    assert vn_figure(Decimal("88.43"), "resolution_rate") == "88,4%"
    assert vn_figure(71_560_000_000, "recovery_recommended_vnd") == "71,56 tỷ đồng"
    assert vn_figure(1902, "insp_total") == "1.902"


def test_it_writes_amounts_as_people_do_without_zero_decimals():
    assert vn_money(226_000_000) == "226 triệu đồng"
    assert vn_money(5_000_000_000) == "5 tỷ đồng"
    assert vn_money(64_203_632_000) == "64,20 tỷ đồng"
    assert vn_money(1_500_000) == "1,50 triệu đồng"


def test_it_never_rounds_an_amount_up_into_the_next_unit():
    assert vn_money(999_999_999) == "999.999.999 đồng"
    assert vn_money(999_994_999) == "999,99 triệu đồng"
    assert vn_money(999_999_999_999) == "1.000 tỷ đồng"
    rendered = Template("{% load vn %}{{ m|vn_money }}").render(Context({"m": 999_999_999}))
    assert rendered == "999.999.999 đồng"
