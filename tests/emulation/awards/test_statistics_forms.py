"""Forms 0601.N, 0602.N and 0603.N (Thông tư 02/2023/TT-BNV) computed from the records."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from emulation.awards.models import Decision, DecisionItem
from emulation.awards.statistics.catalogue import LAYOUTS as FORMS
from emulation.awards.statistics.counting import Fact, duration_bucket, fill
from emulation.awards.statistics.selectors import statistics_for
from emulation.awards.statistics.tt02_2023 import FORM_0601, FORM_0602, FORM_0603
from emulation.movements import demo as demo_pledges
from emulation.movements.models import Movement

pytestmark = pytest.mark.django_db


def _assert_consistent(form) -> None:
    """Column 1 is the sum of the other columns (their leaves) on every row; every breakdown
    the form implies adds up to its whole row (01 = 02+03+04+05 …, 09 = 10+…+14), in every
    column; an "of which" row never exceeds its whole."""
    for code in form.cells:
        assert form.value(code) == sum(
            form.value(code, column.number) for column in form.layout.columns[1:]
        ), code
        assert form.value(code) == sum(form.cells[code].values()), code
    assert form.layout.partitions
    for whole, parts in form.layout.partitions:
        for column in form.layout.columns:
            assert sum(form.value(part, column.number) for part in parts) == (
                form.value(whole, column.number)
            ), (whole, parts, column.number)
    for part, whole in form.layout.subsets:
        assert form.value(part) <= form.value(whole)


def test_it_counts_each_demo_movement_once_in_the_right_rows(cluster_2022):
    demo_pledges.load()
    demo_pledges.load()  # idempotent: the same rows twice
    form = statistics_for(cluster_year=cluster_2022).forms[0]
    assert form.layout is FORM_0601
    assert Movement.objects.filter(cluster_year=cluster_2022).count() == len(demo_pledges.MOVEMENTS)
    assert form.value("01") == len(demo_pledges.MOVEMENTS) == 10
    # By launching level: 4 national campaigns (central, col 2); the TTCP and two provinces
    # (col 3); the cluster and two units (col 4, "Cơ quan, tổ chức, đơn vị").
    assert [form.value("01", n) for n in (2, 3, 4)] == [4, 3, 3]
    # By scope: 4 national, 3 ministry/province, the cluster's, two units' own.
    assert [form.value(code) for code in ("02", "03", "04", "05")] == [4, 3, 1, 2]
    assert form.value("02", 2) == 4 and form.value("04", 4) == 1 and form.value("05", 4) == 2
    # By method: the TTCP's and the provinces' yearly movements are regular, the rest thematic.
    assert (form.value("11"), form.value("12")) == (7, 3)
    # By duration: the cluster's and units' own under a year; the three yearly ones exactly
    # one year (row 07, D12); COVID-19 has no end date and counts to 30/11/2022 (2 years 8
    # months); three national campaigns of five years or more (2021–2025, 2019–2025).
    assert [form.value(code) for code in ("06", "07", "08", "09", "10")] == [3, 3, 1, 0, 3]
    _assert_consistent(form)
    assert len(form.facts) == 10


def test_it_classifies_durations_with_exactly_one_year_in_row_07():
    d = dt.date
    assert duration_bucket(d(2022, 1, 1), d(2022, 12, 30)) == "lt1"
    assert duration_bucket(d(2022, 1, 1), d(2022, 12, 31)) == "1y"
    assert duration_bucket(d(2022, 3, 25), d(2023, 3, 24)) == "1y"
    assert duration_bucket(d(2022, 1, 1), d(2023, 1, 1)) == "1to3"
    assert duration_bucket(d(2021, 1, 1), d(2023, 12, 30)) == "1to3"
    assert duration_bucket(d(2021, 1, 1), d(2023, 12, 31)) == "3to5"
    assert duration_bucket(d(2021, 1, 1), d(2025, 12, 30)) == "3to5"
    assert duration_bucket(d(2021, 1, 1), d(2025, 12, 31)) == "ge5"
    assert duration_bucket(d(2020, 2, 29), d(2021, 2, 27)) == "1y"


def test_it_counts_only_movements_running_in_the_reporting_window(cluster_2022):
    demo_pledges.load()
    Movement.objects.create(
        cluster_year=cluster_2022, name="Đợt thi đua tháng 12", launched_by="cluster",
        scope="cluster", kind="thematic", starts_on=dt.date(2022, 12, 5),
        ends_on=dt.date(2022, 12, 20),
    )
    form = statistics_for(cluster_year=cluster_2022).forms[0]
    assert form.value("01") == 10  # it starts after 30/11/2022: next year's report
    assert "Đợt thi đua tháng 12" not in {fact.label for fact in form.facts}


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
    DecisionItem.objects.create(decision=thematic, award_id="bk_ttg", unit=sonla)  # state level
    regular = Decision.objects.create(
        number="45/QĐ-UBND", date=dt.date(2022, 12, 1), authority="Chủ tịch UBND tỉnh Sơn La",
        method="regular", year=2022,
    )
    DecisionItem.objects.create(decision=regular, award_id="ldtt", unit=sonla, staff_member=head_of_division)
    DecisionItem.objects.create(decision=regular, award_id="bk_ttg", unit=sonla, staff_member=head_of_division)
    december = Decision.objects.create(
        number="1/QĐ-TTCP", date=dt.date(2021, 12, 1), authority="Tổng Thanh tra Chính phủ",
        method="regular", year=2021,
    )
    DecisionItem.objects.create(decision=december, award_id="bk_ttcp", unit=sonla, staff_member=deputy)
    DecisionItem.objects.create(decision=december, award_id="tt_ldxs", unit=sonla)

    forms = {f.layout.short: f for f in statistics_for(cluster_year=cluster_2022).forms}
    form_0603 = forms["0603"]
    bang_khen = 2
    # The 2022 window runs 01/12/2021–30/11/2022: the decisions of 20/11/2022 and 01/12/2021
    # count, the one of 01/12/2022 is next year's; LĐTT is grassroots level.
    assert form_0603.value("01") == 3
    assert form_0603.value("01", bang_khen) == 3
    assert form_0603.value("02", bang_khen) == 1  # the collective
    assert form_0603.value("05", bang_khen) == 2  # the deputy, twice
    assert form_0603.value("07", bang_khen) == 2  # lãnh đạo cấp vụ, sở, ngành
    assert (form_0603.value("11"), form_0603.value("12")) == (1, 2)  # regular, thematic
    assert form_0603.value("06") == 0 and form_0603.value("03") == 0 and form_0603.value("04") == 0
    # "Tập thể lao động xuất sắc" has no column in 0603: listed as not counted.
    assert [label for label in form_0603.uncounted if "Tập thể LĐXS" in label]
    _assert_consistent(form_0603)
    # The Prime Minister's Bằng khen is a state-level commendation: 0602 column 7.
    form_0602 = forms["0602"]
    assert form_0602.value("01") == form_0602.value("01", 7) == 1
    assert form_0602.value("06", 7) == 1 and form_0602.value("16", 7) == 1
    assert form_0602.value("09") == 0
    _assert_consistent(form_0602)
    # One unit's forms count only its own people.
    laichau = statistics_for(cluster_year=cluster_2022, unit=unit("laichau")).forms
    assert laichau[2].value("01") == 0


def test_it_gives_each_state_medal_its_own_pair_of_leaves():
    facts = [
        Fact("medal", {"subject": "individual", "leadership": "staff", "method": "regular"}, subject="individual",
             form="huan_chuong_ld3", form_label="Huân chương Lao động hạng Ba", form_order=150),
        Fact("medal", {"subject": "collective", "method": "regular"}, subject="collective",
             form="huan_chuong_ld2", form_label="Huân chương Lao động hạng Nhì", form_order=160),
        Fact("medal", {"subject": "individual", "leadership": "staff", "method": "regular"}, subject="individual",
             form="huan_chuong_ld3", form_label="Huân chương Lao động hạng Ba", form_order=150),
    ]
    form = fill(FORM_0602, facts)
    medals = [leaf for leaf in form.leaves if leaf.column == 2]
    assert [(leaf.form_label, leaf.subject) for leaf in medals] == [
        ("Huân chương Lao động hạng Ba", "collective"),
        ("Huân chương Lao động hạng Ba", "individual"),
        ("Huân chương Lao động hạng Nhì", "collective"),
        ("Huân chương Lao động hạng Nhì", "individual"),
    ]
    assert [form.leaf_value("01", leaf) for leaf in medals] == [0, 2, 1, 0]
    assert form.value("01") == form.value("01", 2) == 3
    # Without any medal, column 2 keeps one unnamed Tập thể/Cá nhân pair.
    empty = fill(FORM_0602, [])
    assert [(leaf.form, leaf.subject) for leaf in empty.leaves if leaf.column == 2] == [
        ("", "collective"), ("", "individual")
    ]
    _assert_consistent(form)


def test_it_sends_an_award_of_a_known_level_but_unnamed_column_to_other_forms():
    facts = [Fact("other", {"subject": "collective", "method": "regular"}, subject="collective",
                  form="x", form_label="Hình thức khác")]
    form = fill(FORM_0602, facts)
    assert form.value("01", 9) == 1
    _assert_consistent(form)


def test_rows_with_no_data_show_zero_never_blank():
    for layout in FORMS:
        form = fill(layout, [])
        for row in layout.rows:
            line = form.line(row)
            assert (line is None) == row.heading
            assert line is None or (line and all(value == 0 for value in line)), row.code


def test_it_numbers_rows_and_columns_as_the_forms_do():
    for layout in FORMS:
        assert [c.number for c in layout.columns] == list(range(1, len(layout.columns) + 1))
    codes = {layout.short: [row.code for row in layout.data_rows] for layout in FORMS}
    assert codes["0601"] == [f"{n:02d}" for n in range(1, 13)]
    assert codes["0602"] == ["01", "02", "03", *[f"{n:02d}" for n in range(6, 22)]]
    assert codes["0603"] == [f"{n:02d}" for n in range(1, 18)]
    assert FORM_0601.code == "0601.N/BNV-TĐKT"
    assert FORM_0603.title.endswith("TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG")


def _cells(sheet) -> list:
    return [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]


def test_it_writes_the_workbook_in_the_forms_layout(client_for, lead_2022, cluster_2022):
    demo_pledges.load()
    response = client_for(lead_2022).get(reverse("emulation:statistics_export", args=["cum-iv", 2022]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["0601", "0602", "0603", "Danh sách đã đếm"]
    sheet = workbook["0601"]
    cells = _cells(sheet)
    assert "Biểu số: 0601.N/BNV-TĐKT" in cells
    assert "SỐ PHONG TRÀO THI ĐUA" in cells
    assert "Ngày nhận báo cáo:" in cells and "Ngày 15 tháng 12 năm báo cáo" in cells
    assert "Đơn vị nhận báo cáo: Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)" in cells
    assert "Kỳ báo cáo: từ 01/12/2021 đến 30/11/2022" in cells
    # The numbering row: A, B, 1=(2+3+4), 2, 3, 4, then row 01 with the total and its split.
    rows = list(sheet.iter_rows(values_only=True))
    numbering = next(i for i, row in enumerate(rows) if row[0] == "A")
    assert list(rows[numbering][:6]) == ["A", "B", "1=(2+3+4)", "2", "3", "4"]
    assert list(rows[numbering + 1][:6]) == ["Tổng số", "01", 10, 4, 3, 3]
    detail = _cells(workbook["Danh sách đã đếm"])
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
    assert "Kỳ báo cáo: từ 01/12/2021 đến 30/11/2022" in body
    assert "Số phong trào thi đua chia theo cấp chủ trì phát động thi đua" in body
    assert "Trong đó: Doanh nghiệp" in body and "1=(2+3+4)" in body


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
