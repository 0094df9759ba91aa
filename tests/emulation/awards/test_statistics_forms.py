"""Forms 0601.N, 0602.N and 0603.N (Thông tư 02/2023/TT-BNV) computed from the records."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from emulation.awards.models import Decision, DecisionItem
from emulation.awards.statistics.counting import Fact, fill
from emulation.awards.statistics.layouts import FORM_0601, FORM_0602, FORM_0603, FORMS
from emulation.awards.statistics.selectors import statistics_for
from emulation.movements import demo as demo_pledges
from emulation.movements.models import Movement

pytestmark = pytest.mark.django_db


def _assert_consistent(form) -> None:
    """Column 1 is the sum of the other columns on every row; every breakdown adds up to 01,
    except the leadership rows, which split the individuals (row 03)."""
    for code, cells in form.cells.items():
        assert cells[1] == sum(v for n, v in cells.items() if n != 1), code
    for dimension, rows in form.layout.breakdowns.items():
        whole = "03" if dimension == "leadership" else "01"
        for column in form.layout.columns:
            assert sum(form.cells[row.code][column.number] for row in rows) == (
                form.cells[whole][column.number]
            ), (dimension, column.number)


def test_it_counts_each_demo_movement_once_in_the_right_rows(cluster_2022):
    demo_pledges.load()
    demo_pledges.load()  # idempotent: the same rows twice
    form = statistics_for(cluster_year=cluster_2022).forms[0]
    assert form.layout is FORM_0601
    assert Movement.objects.filter(cluster_year=cluster_2022).count() == len(demo_pledges.MOVEMENTS)
    assert form.value("01") == len(demo_pledges.MOVEMENTS) == 10
    # By launching level: 4 national campaigns, TTCP and two provinces, the cluster, two units.
    assert [form.value("01", n) for n in (2, 3, 4, 5)] == [4, 3, 1, 2]
    # By method: the TTCP's and the provinces' yearly movements are regular, the rest thematic.
    assert (form.value("10"), form.value("11")) == (3, 7)
    # By duration: the cluster's and units' own under a year; the yearly ones; three national
    # campaigns of five years or more (2021–2025, 2019–2025); COVID-19 has no end date.
    assert [form.value(code) for code in ("06", "07", "08", "09")] == [3, 3, 3, 1]
    _assert_consistent(form)
    assert len(form.facts) == 10


def test_it_counts_for_one_unit_the_movements_it_launched_or_answered(cluster_2022, unit):
    demo_pledges.load()
    form = statistics_for(cluster_year=cluster_2022, unit=unit("dienbien")).forms[0]
    names = {fact.label for fact in form.facts}
    assert "Thi đua chào mừng 68 năm Chiến thắng Điện Biên Phủ (07/5/1954 – 07/5/2022)" in names
    assert not any("Lai Châu" in name for name in names)
    assert any("Sơn La" in name for name in names) is False
    _assert_consistent(form)


def test_it_counts_a_bang_khen_to_a_person_under_leadership_level_and_method(records, cluster_2022, unit):
    sonla = unit("sonla")
    deputy = records.person(sonla, "Nguyễn Văn A", position="Phó Chánh Thanh tra", level="department")
    head_of_division = records.person(sonla, "Trần Thị B", position="Trưởng phòng", level="division")
    thematic = Decision.objects.create(
        number="123/QĐ-TTCP", date=dt.date(2022, 11, 20), authority="Tổng Thanh tra Chính phủ",
        method="thematic", year=2022,
    )
    DecisionItem.objects.create(decision=thematic, award_id="bk_ttcp", unit=sonla, staff_member=deputy)
    DecisionItem.objects.create(decision=thematic, award_id="bk_ttcp", unit=sonla)  # the collective
    regular = Decision.objects.create(
        number="45/QĐ-UBND", date=dt.date(2022, 12, 1), authority="Chủ tịch UBND tỉnh Sơn La",
        method="regular", year=2022,
    )
    DecisionItem.objects.create(decision=regular, award_id="ldtt", unit=sonla, staff_member=head_of_division)
    DecisionItem.objects.create(decision=regular, award_id="bk_ttg", unit=sonla, staff_member=head_of_division)
    other_year = Decision.objects.create(
        number="1/QĐ-TTCP", date=dt.date(2021, 12, 1), authority="Tổng Thanh tra Chính phủ",
        method="regular", year=2021,
    )
    DecisionItem.objects.create(decision=other_year, award_id="bk_ttcp", unit=sonla, staff_member=deputy)

    forms = {f.layout.short: f for f in statistics_for(cluster_year=cluster_2022).forms}
    form_0603 = forms["0603"]
    bang_khen = 5
    assert form_0603.value("01") == 2  # LĐTT is grassroots level, 2021 is another year
    assert form_0603.value("03", bang_khen) == 1
    assert form_0603.value("05", bang_khen) == 1  # lãnh đạo cấp sở: the deputy chief inspector
    assert form_0603.value("09", bang_khen) == 2  # both by a thematic decision
    assert form_0603.value("02", bang_khen) == 1
    assert form_0603.value("06") == 0
    _assert_consistent(form_0603)
    # The Prime Minister's Bằng khen is a state-level commendation: 0602, head of division.
    assert forms["0602"].value("06", 7) == 1
    assert forms["0602"].value("08", 7) == 1
    _assert_consistent(forms["0602"])
    # One unit's forms count only its own people.
    laichau = statistics_for(cluster_year=cluster_2022, unit=unit("laichau")).forms
    assert laichau[2].value("01") == 0


def test_it_sends_an_award_of_a_known_level_but_unnamed_column_to_other_forms():
    facts = [Fact("other", {"subject": "collective", "method": "regular"})]
    form = fill(FORM_0602, facts)
    assert form.value("01", 8) == 1
    _assert_consistent(form)


def test_it_numbers_rows_and_columns_as_the_forms_do():
    for layout in FORMS:
        assert [c.number for c in layout.columns] == list(range(1, len(layout.columns) + 1))
        codes = [row.code for row in layout.rows if not row.heading]
        assert codes == [f"{n:02d}" for n in range(1, len(codes) + 1)]
    assert FORM_0601.code == "0601.N/BNV-TĐKT"
    assert FORM_0603.title == "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, TỈNH"


def _cells(sheet) -> list:
    return [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]


def test_it_writes_the_workbook_in_the_forms_layout(client_for, lead_2022, cluster_2022):
    demo_pledges.load()
    response = client_for(lead_2022).get(reverse("emulation:statistics_export", args=["cum-iv", 2022]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["0601", "0602", "0603", "Danh sach"]
    sheet = workbook["0601"]
    cells = _cells(sheet)
    assert "Biểu số: 0601.N/BNV-TĐKT" in cells
    assert "SỐ PHONG TRÀO THI ĐUA" in cells
    assert "Ngày nhận báo cáo: 15/12 năm báo cáo" in cells
    assert "Đơn vị nhận báo cáo: Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)" in cells
    assert "Kỳ báo cáo: 01/01/2022 – 31/12/2022" in cells
    # The numbering row: A, B, 1..5, then row 01 with the total and its split by level.
    rows = list(sheet.iter_rows(values_only=True))
    numbering = next(i for i, row in enumerate(rows) if row[0] == "A")
    assert list(rows[numbering][:7]) == ["A", "B", 1, 2, 3, 4, 5]
    assert list(rows[numbering + 1][:7]) == ["Tổng số phong trào thi đua", "01", 10, 4, 3, 1, 2]
    detail = _cells(workbook["Danh sach"])
    assert "Doanh nghiệp Việt Nam hội nhập và phát triển" in detail


def test_it_gives_a_unit_its_own_forms_and_not_another_units(client_for, staff_laichau, cluster_2022):
    demo_pledges.load()
    url = reverse("emulation:statistics_export", args=["cum-iv", 2022])
    client = client_for(staff_laichau)
    own = client.get(url)  # a unit's staff get their unit's forms
    assert own.status_code == 200
    assert "Đơn vị báo cáo: Thanh tra tỉnh Lai Châu" in _cells(load_workbook(io.BytesIO(own.content))["0601"])
    assert client.get(url + "?unit=sonla").status_code == 403


def test_it_shows_the_statistics_page(client_for, viewer, cluster_2022, django_assert_max_num_queries):
    demo_pledges.load()
    client = client_for(viewer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("emulation:statistics", args=["cum-iv", 2022]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="form-0601"' in body and "0603.N/BNV-TĐKT" in body


def test_it_loads_the_demo_pledge_signed_before_25_march_with_both_kinds_of_targets(cluster_2022):
    from emulation.movements.models import ManualJudgement, Pledge

    demo_pledges.load()
    demo_pledges.load()
    pledge = Pledge.objects.get(cluster_year=cluster_2022)
    assert pledge.signed_on < dt.date(2022, 3, 25)
    rules = [t.rule_text for t in pledge.targets.all() if t.is_indicator]
    assert "resolution_rate ≥ 85 (Năm)" in rules and "recovery_rate ≥ 80 (Năm)" in rules
    assert pledge.targets.filter(kind="manual").count() == 2
    assert not ManualJudgement.objects.filter(target__kind="indicator").exists()
    assert ManualJudgement.objects.filter(target__pledge=pledge).count() == 13


def test_it_reminds_the_unit_to_send_the_forms_before_the_deadline(client_for, staff_laichau, core):
    import time_machine

    from emulation.movements.models import StatisticsDeadline

    rule = StatisticsDeadline.objects.get()
    assert (rule.due_day, rule.due_month) == (15, 12)
    client = client_for(staff_laichau)
    with time_machine.travel(dt.datetime(2024, 11, 20, 9, 0), tick=False):
        body = client.get(reverse("cum4:home")).content.decode()
        assert "0601.N–0603.N" in body and "15/12/2024" in body
    with time_machine.travel(dt.datetime(2024, 10, 1, 9, 0), tick=False):
        assert "0601.N–0603.N" not in client.get(reverse("cum4:home")).content.decode()
