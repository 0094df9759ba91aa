"""The one unit order: Vietnamese collation of the province name."""

from __future__ import annotations

import random

from cum4.collation import by_unit, vietnamese_key
from cum4.models import Unit

PROVINCES_IN_ORDER = [
    "An Giang", "Bà Rịa", "Bắc Giang", "Bắc Kạn", "Cà Mau", "Cao Bằng", "Đà Nẵng", "Điện Biên",
    "Đồng Tháp", "Hà Giang", "Hà Nội", "Hải Dương", "Lai Châu", "Lạng Sơn", "Lào Cai",
    "Ơn", "Phú Thọ", "Sơn La", "Tuyên Quang", "Ứng Hoà", "Yên Bái",
]


def test_it_puts_provinces_in_vietnamese_alphabetical_order():
    shuffled = PROVINCES_IN_ORDER[:]
    random.Random(4).shuffle(shuffled)
    assert sorted(shuffled, key=vietnamese_key) == PROVINCES_IN_ORDER


def test_it_puts_d_stroke_after_d_and_modified_letters_after_their_base():
    assert sorted(["Đa", "Da", "Ea"], key=vietnamese_key) == ["Da", "Đa", "Ea"]
    assert sorted(["ăn", "an", "ân", "bn"], key=vietnamese_key) == ["an", "ăn", "ân", "bn"]
    assert sorted(["ơn", "ôn", "on", "pn"], key=vietnamese_key) == ["on", "ôn", "ơn", "pn"]
    assert sorted(["ưa", "ua", "va"], key=vietnamese_key) == ["ua", "ưa", "va"]


def test_it_orders_tones_after_letters_in_dictionary_order():
    # level, huyền, hỏi, ngã, sắc, nặng; letters decide before tones.
    assert sorted(["mạ", "má", "mã", "mả", "mà", "ma"], key=vietnamese_key) == [
        "ma", "mà", "mả", "mã", "má", "mạ",
    ]
    assert sorted(["Lạng", "Lai"], key=vietnamese_key) == ["Lai", "Lạng"]
    assert sorted(["mặt", "măt"], key=vietnamese_key) == ["măt", "mặt"]


def test_it_orders_units_by_province_then_name():
    units = [
        Unit(code="laocai", name="Thanh tra tỉnh Lào Cai", province="Lào Cai"),
        Unit(code="dienbien", name="Thanh tra tỉnh Điện Biên", province="Điện Biên"),
        Unit(code="caobang", name="Thanh tra tỉnh Cao Bằng", province="Cao Bằng"),
        Unit(code="langson", name="Thanh tra tỉnh Lạng Sơn", province="Lạng Sơn"),
        Unit(code="laichau", name="Thanh tra tỉnh Lai Châu", province="Lai Châu"),
    ]
    assert [u.code for u in by_unit(units)] == ["caobang", "dienbien", "laichau", "langson", "laocai"]
    rows = [{"unit": u} for u in units]
    assert next(r["unit"].code for r in by_unit(rows, lambda r: r["unit"])) == "caobang"
