"""Criteria tables: the labelled sample, a year copied from the previous one, edits by the
secretariat in the browser and through Excel (all-or-nothing)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from cum4.models import ClusterYear
from emulation.scoring import selectors
from emulation.scoring.models import CriteriaTable, Criterion
from emulation.scoring.services.criteria import criteria_table_create_sample
from tests.emulation.scoring_fixtures import leader_of

pytestmark = pytest.mark.django_db

GROUPS = [
    "Công tác thanh tra",
    "Tiếp công dân, xử lý đơn, giải quyết KNTC",
    "Phòng, chống tham nhũng",
    "Xây dựng ngành, đào tạo, cải cách hành chính",
    "Công tác thi đua, khen thưởng và hưởng ứng phong trào",
    "Điểm thưởng",
    "Điểm trừ",
]


def _url(name: str, year: int = 2022, *extra) -> str:
    return reverse(f"emulation:{name}", args=["cum-iv", year, *extra])


def test_it_creates_the_labelled_sample_table_from_the_button(client_for, secretariat,
                                                              cluster_2022):
    response = client_for(secretariat).post(_url("criteria_create", 2022, "sample"))
    assert response.status_code == 302
    tree = selectors.table_tree(cluster_year=cluster_2022)
    assert [g.name for g in tree.groups] == GROUPS
    assert tree.table.is_sample and "mẫu" in tree.table.name
    assert tree.regular_max == Decimal("100")
    methods = {c.method for c in tree.criteria}
    assert {"manual", "yes_no", "indicator", "bonus", "deduction"} <= methods
    assert tree.table.bonus_cap > 0
    assert [g.code for g in tree.tie_break_groups][:1] == ["thanh_tra"]
    page = client_for(leader_of("sonla")).get(_url("criteria")).content.decode()
    assert 'data-testid="sample-label"' in page


def test_it_lets_only_the_secretariat_create_or_edit_criteria(client_for, lead_2022,
                                                              cluster_2022):
    assert client_for(lead_2022).post(_url("criteria_create", 2022, "sample")).status_code == 403
    criteria_table_create_sample(cluster_year=cluster_2022)
    criterion = Criterion.objects.filter(group__table__cluster_year=cluster_2022).first()
    response = client_for(lead_2022).post(_url("criterion_edit", 2022, criterion.pk), {})
    assert response.status_code == 403


def test_it_starts_a_new_year_as_a_copy_of_the_previous_one(client_for, secretariat,
                                                            cluster_2022):
    criteria_table_create_sample(cluster_year=cluster_2022)
    response = client_for(secretariat).post(_url("criteria_create", 2024, "copy"))
    assert response.status_code == 302
    copy = selectors.table_tree(cluster_year=ClusterYear.objects.get(year=2024))
    original = selectors.table_tree(cluster_year=cluster_2022)
    assert [(c.code, c.max_points, c.method, c.target) for c in copy.criteria] == [
        (c.code, c.max_points, c.method, c.target) for c in original.criteria]
    assert [g.code for g in copy.tie_break_groups] == [g.code for g in original.tie_break_groups]
    assert copy.table.pk != original.table.pk


def test_it_edits_a_criterion_in_the_browser(client_for, secretariat, cluster_2022):
    criteria_table_create_sample(cluster_year=cluster_2022)
    criterion = Criterion.objects.get(group__table__cluster_year=cluster_2022, code="1-1")
    response = client_for(secretariat).post(_url("criterion_edit", 2022, criterion.pk), {
        "group": criterion.group_id, "code": "1-1", "name": "Kế hoạch thanh tra",
        "position": 1, "max_points": "12", "method": "indicator", "indicator_code": "",
        "target": ""})
    assert response.status_code == 400  # an indicator needs its code and target
    assert "indicator code" in response.content.decode() or "mã chỉ tiêu" in \
        response.content.decode()
    response = client_for(secretariat).post(_url("criterion_edit", 2022, criterion.pk), {
        "group": criterion.group_id, "code": "1-1", "name": "Kế hoạch thanh tra",
        "position": 1, "max_points": "12", "method": "manual"})
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert (criterion.name, criterion.max_points) == ("Kế hoạch thanh tra", Decimal("12"))
    assert criterion.history.count() == 2


def _xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("tieu-chi.xlsx", buffer.getvalue())


def test_it_exports_and_imports_the_table_in_excel(client_for, secretariat, cluster_2022):
    criteria_table_create_sample(cluster_year=cluster_2022)
    client = client_for(secretariat)
    exported = client.get(_url("criteria_export"))
    rows = [list(r) for r in load_workbook(io.BytesIO(exported.content)).active
            .iter_rows(values_only=True)]
    assert rows[0][:3] == ["Mã nhóm", "Nhóm tiêu chí", "Mã tiêu chí"]  # read back as codes
    rows[1][4] = 15  # first criterion's max_points
    rows = rows[:4]  # keep three criteria
    response = client.post(_url("criteria_import"), {"file": _xlsx(rows)})
    assert response.status_code == 302
    tree = selectors.table_tree(cluster_year=cluster_2022)
    assert len(tree.criteria) == 3
    assert tree.criteria[0].max_points == Decimal("15")


def test_it_imports_all_or_nothing_naming_every_bad_row(client_for, secretariat,
                                                        cluster_2022):
    criteria_table_create_sample(cluster_year=cluster_2022)
    before = Criterion.objects.filter(group__table__cluster_year=cluster_2022).count()
    header = ["group_code", "group_name", "code", "name", "max_points", "method",
              "indicator_code", "target", "evidence_required"]
    rows = [header,
            ["g1", "Nhóm 1", "a", "Tiêu chí a", 10, "manual", None, None, None],
            ["g1", "Nhóm 1", "b", "Tiêu chí b", "mười", "manual", None, None, None],
            ["g1", "Nhóm 1", "c", "Tiêu chí c", 10, "magic", None, None, None],
            ["g1", "Nhóm 1", "d", "Tiêu chí d", 10, "indicator", None, None, None]]
    response = client_for(secretariat).post(_url("criteria_import"), {"file": _xlsx(rows)},
                                            follow=True)
    body = response.content.decode()
    for row in ("3", "4", "5"):
        assert f" {row}:" in body
    assert Criterion.objects.filter(group__table__cluster_year=cluster_2022).count() == before
    assert CriteriaTable.objects.get(cluster_year=cluster_2022).is_sample
