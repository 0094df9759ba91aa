"""Acceptance: the layouts of forms 0601.N–0603.N match the reference description of
Thông tư 2/2023/TT-BNV's forms (tests/emulation/awards/reference/forms-tt02-2023.md, a copy of
the design file), read from its markdown tables: row codes and labels, column labels, units
and the Tập thể/Cá nhân leaves, allowing only the typo corrections listed here (the
reference's section 5 gives each one's "most likely official reading")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from emulation.awards.statistics.catalogue import LAYOUTS, layouts_on, report_day
from emulation.awards.statistics.layouts import SUBJECT_LABELS, FormLayout

REFERENCE = Path(__file__).parent / "reference" / "forms-tt02-2023.md"
QUOTED = re.compile(r'"([^"]*)"')

# The only departures from the reference's quoted text, each a doubt of its section 5.
LABEL_CORRECTIONS = {
    ("0603", "1. Chia theo đôi tượng khen thưởng"): "1. Chia theo đối tượng khen thưởng",  # D4
    ("0603", "3. Chia theo phương thức khen thưởng"): "2. Chia theo phương thức khen thưởng",  # D3
    ("0602", "- Cống hiến."): "- Cống hiến",  # D16
    ("0603", "- Cống hiến."): "- Cống hiến",  # D16
    ("0602", "Danh hiệu “Chiế n sĩ thi đua Toàn quốc”"): "Danh hiệu “Chiến sĩ thi đua Toàn quốc”",  # D9
    ("0602", "Tỉnh,TP"): "Tỉnh, thành phố",  # D17 (a unit of column C)
    (
        "0603",
        "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC "
        "TRUNG ƯƠNG",
    ): "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC "
    "THUỘC TRUNG ƯƠNG",  # D5
}


def _corrected(short: str, text: str) -> str:
    return LABEL_CORRECTIONS.get((short, text), text)


def _code(short: str, code: str) -> str:
    """D2: 0602's codes printed "1", "2", … in [T] are two digits, as 0601, 0603 and [O]."""
    return f"{int(code):02d}" if short == "0602" else code


def _table(section: str) -> list[list[str]]:
    """The cells of the first markdown table under the heading starting with `section`."""
    text = REFERENCE.read_text(encoding="utf-8")
    start = text.index(f"\n### {section}") + 1
    rows = []
    for line in text[start:].splitlines()[1:]:
        if line.startswith("### ") or line.startswith("## "):
            break
        if line.startswith("|") and not set(line) <= set("|-: "):
            rows.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
    return rows[1:]  # without the header row


def _quoted(cell: str) -> str | None:
    found = QUOTED.search(cell)
    return found.group(1) if found else None


def _reference_rows(section: str, short: str) -> list[tuple[str, str, str]]:
    """(code, label, unit) of every row of the reference's row table; headings get code ""."""
    rows = []
    for cells in _table(section):
        code, label = cells[0], _quoted(cells[1])
        if label is None:  # "*(4, 5)* no rows carry these codes"
            continue
        unit = _quoted(cells[3]) if len(cells) > 3 else None
        rows.append(
            ("" if code == "—" else _code(short, code), _corrected(short, label),
             _corrected(short, unit or ""))
        )
    return rows


def _reference_columns(section: str, short: str) -> list[tuple[str, str]]:
    """(column, label) of the reference's column tree: B, C, 1…n and the unnumbered group."""
    columns = []
    for cells in _table(section):
        label = _quoted(cells[1])
        if label is not None:
            columns.append((cells[0], _corrected(short, label)))
    return columns


def _layout(short: str) -> FormLayout:
    return layouts_on(report_day(2024))[short]


def _our_rows(layout: FormLayout) -> list[tuple[str, str, str]]:
    return [(row.code, row.label, row.unit) for row in layout.rows]


def _our_columns(layout: FormLayout) -> list[tuple[str, str]]:
    columns = [("B", "Mã số")]
    if layout.has_unit_column:
        columns.append(("C", "Đơn vị tính"))
    columns.append(("1", layout.columns[0].label))
    columns.append(("*(unnumbered group)*", layout.column_group))
    columns.extend((str(c.number), c.label) for c in layout.columns[1:])
    return columns


def test_form_0601_rows_match_tt02_2023_reference():
    assert _our_rows(_layout("0601")) == [
        (code, label, "") for code, label, _unit in _reference_rows("2.3", "0601")
    ]


def test_form_0601_columns_match_tt02_2023_reference():
    layout = _layout("0601")
    assert _our_columns(layout) == _reference_columns("2.2", "0601")
    assert layout.columns[0].number_label == "1=(2+3+4)"  # "printed as 1=(2+3+4)"
    assert layout.unit_label == "Phong trào"


def test_form_0602_rows_and_units_match_tt02_2023_reference():
    assert _our_rows(_layout("0602")) == _reference_rows("3.3", "0602")
    # D1: the gap after 03 stays; no row carries 04 or 05.
    codes = [row.code for row in _layout("0602").data_rows]
    assert codes == ["01", "02", "03", *[f"{n:02d}" for n in range(6, 22)]]


def test_form_0602_columns_and_their_leaves_match_tt02_2023_reference():
    layout = _layout("0602")
    assert _our_columns(layout) == _reference_columns("3.2", "0602")
    for cells in _table("3.2"):
        if not cells[0].isdigit() or cells[0] == "1":
            continue
        column = layout.columns[int(cells[0]) - 1]
        if "placeholder" in cells[3] or "Example" in cells[3]:
            assert column.per_form  # D8: one Tập thể/Cá nhân pair per form counted
            continue
        leaves = [SUBJECT_LABELS[s] for s in column.subjects]
        assert leaves == QUOTED.findall(cells[3]), cells[0]


def test_form_0603_rows_and_units_match_tt02_2023_reference():
    assert _our_rows(_layout("0603")) == _reference_rows("4.3", "0603")


def test_form_0603_columns_match_tt02_2023_reference():
    assert _our_columns(_layout("0603")) == _reference_columns("4.2", "0603")


@pytest.mark.parametrize(("short", "section"), [("0601", "2.1"), ("0602", "3.1"), ("0603", "4.1")])
def test_form_code_title_and_circular_match_tt02_2023_reference(short, section):
    facts = {cells[0]: cells[1] for cells in _table(section)}
    layout = _layout(short)
    assert f"Biểu số: {layout.code}" == _quoted(facts["Form code"])
    assert layout.title == _corrected(short, _quoted(facts["Title"]))
    assert layout.legal_basis == _quoted(facts["Circular"]) or (
        short != "0601" and layout.legal_basis in facts["Circular"]
    )
    assert layout.legal_basis == "Ban hành theo Thông tư số 2/2023/TT-BNV ngày 23/3/2023"


def test_layouts_are_dated_and_the_one_in_force_on_the_due_day_is_chosen():
    from dataclasses import replace

    later = [replace(layout, valid_from=dt.date(2025, 11, 22), title=f"MỚI {layout.short}",
                     legal_basis="Ban hành theo Thông tư số 18/2025/TT-BNV") for layout in LAYOUTS]
    registry = sorted([*LAYOUTS, *later], key=lambda layout: layout.valid_from)
    assert {s: lay.valid_from for s, lay in layouts_on(report_day(2024), registry).items()} == {
        "0601": dt.date(2023, 5, 10), "0602": dt.date(2023, 5, 10), "0603": dt.date(2023, 5, 10)
    }
    assert layouts_on(report_day(2025), registry)["0602"].title == "MỚI 0602"
    assert layouts_on(dt.date(2025, 11, 21), registry)["0602"].title.startswith("SỐ LƯỢNG")
    # Before the first known circular, the earliest layout is used.
    assert layouts_on(report_day(2022), registry)["0601"].valid_from == dt.date(2023, 5, 10)
    assert all(layout.valid_from == dt.date(2023, 5, 10) for layout in LAYOUTS)
    assert [layout.valid_from for layout in LAYOUTS] == sorted(layout.valid_from for layout in LAYOUTS)


def test_the_reporting_window_runs_from_1_december_to_30_november():
    assert _layout("0602").window(2024) == (dt.date(2023, 12, 1), dt.date(2024, 11, 30))
    assert _layout("0601").receipt == (12, 15)
