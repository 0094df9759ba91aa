"""Movements: recording one, each unit's response, evidence files and who may read them."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from emulation.movements.models import Movement, MovementEvidence, MovementResponse
from tests.emulation.movements.pledge_builders import extra_members, movement

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%test\n"


def _respond_url(m: Movement, code: str) -> str:
    return reverse("emulation:movement_response", args=[m.pk, code])


def _pdf(name: str = "bien-ban.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_it_saves_a_units_own_response_with_evidence(client_for, staff_laichau, cluster_2022):
    m = movement(cluster_2022)
    response = client_for(staff_laichau).post(
        _respond_url(m, "laichau"),
        {"activities": "Ủng hộ quỹ", "results": "Đạt", "amount_vnd": "12000000", "files": [_pdf()]},
    )
    assert response.status_code == 302
    saved = MovementResponse.objects.get(movement=m, unit=staff_laichau.unit)
    assert (saved.amount_vnd, saved.updated_by) == (12_000_000, staff_laichau)
    assert saved.evidence.get().original_name == "bien-ban.pdf"


@pytest.mark.parametrize("persona", ["staff_laichau", "leader_laichau", "lead_2022", "viewer"])
def test_it_refuses_editing_another_units_response(request, client_for, persona, cluster_2022, unit):
    user = request.getfixturevalue(persona)
    m = movement(cluster_2022)
    response = client_for(user).post(
        _respond_url(m, "sonla"), {"activities": "Sửa hộ", "results": "", "amount_vnd": "1"}
    )
    assert response.status_code == 403
    assert not MovementResponse.objects.filter(unit=unit("sonla")).exists()


def test_it_refuses_a_file_that_is_not_what_its_name_says(client_for, staff_laichau, cluster_2022):
    m = movement(cluster_2022)
    response = client_for(staff_laichau).post(
        _respond_url(m, "laichau"),
        {"activities": "Giữ lại nội dung này", "amount_vnd": "0",
         "files": [_pdf("gia.pdf", b"MZ\x90\x00 an executable")]},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "gia.pdf" in body
    assert "Giữ lại nội dung này" in body  # what was typed is kept
    assert not MovementResponse.objects.exists()  # all or nothing


def test_it_refuses_an_oversized_or_unlisted_file(client_for, staff_laichau, cluster_2022, settings):
    m = movement(cluster_2022)
    client = client_for(staff_laichau)
    big = _pdf("lon.pdf", PDF + b"0" * (settings.EVIDENCE_MAX_BYTES + 1))
    assert client.post(_respond_url(m, "laichau"), {"amount_vnd": "0", "files": [big]}).status_code == 400
    script = SimpleUploadedFile("x.html", b"<script>", content_type="text/html")
    assert client.post(_respond_url(m, "laichau"), {"amount_vnd": "0", "files": [script]}).status_code == 400
    assert not MovementEvidence.objects.exists()


def test_it_refuses_a_negative_amount(client_for, staff_laichau, cluster_2022):
    m = movement(cluster_2022)
    response = client_for(staff_laichau).post(_respond_url(m, "laichau"), {"amount_vnd": "-5"})
    assert response.status_code == 400
    assert not MovementResponse.objects.exists()


def _evidence(cluster_2022, unit) -> MovementEvidence:
    from cum4.models import User
    from emulation.movements.services import movement_evidence_add, movement_response_save

    staff = User.objects.get(username="sonla.staff")
    response = movement_response_save(
        movement=movement(cluster_2022), unit=unit("sonla"), activities="a", results="b",
        amount_vnd=0, by=staff,
    )
    return movement_evidence_add(response=response, upload=_pdf(), by=staff)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("leader_sonla", 200), ("lead_2022", 200), ("secretariat", 200),
     ("staff_laichau", 403), ("viewer", 403)],
)
def test_it_serves_evidence_only_to_the_unit_the_lead_and_the_secretariat(
    request, client_for, persona, status, cluster_2022, unit
):
    evidence = _evidence(cluster_2022, unit)
    user = request.getfixturevalue(persona)
    response = client_for(user).get(reverse("emulation:movement_evidence", args=[evidence.pk]))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF


def test_it_records_a_movement_and_explains_a_missing_launching_unit(client_for, leader_sonla, cluster_2022, unit):
    url = reverse("emulation:movement_list", args=["cum-iv", 2022])
    data = {"name": "Thi đua chào mừng Ngày thành lập tỉnh", "launched_by": "unit", "scope": "unit",
            "kind": "thematic", "starts_on": "2022-03-01", "ends_on": "2022-05-07"}
    client = client_for(leader_sonla)
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Thi đua chào mừng Ngày thành lập tỉnh" in response.content.decode()
    assert not Movement.objects.exists()
    response = client.post(url, {**data, "launching_unit": unit("sonla").pk})
    assert response.status_code == 302
    created = Movement.objects.get()
    assert (created.level, created.created_by) == ("unit", leader_sonla)


def test_it_refuses_recording_a_movement_to_a_viewer(client_for, viewer, cluster_2022):
    url = reverse("emulation:movement_list", args=["cum-iv", 2022])
    response = client_for(viewer).post(url, {"name": "x"})
    assert response.status_code == 403


def test_it_lists_movements_with_a_query_count_independent_of_units(
    client_for, lead_2022, cluster_2022, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    m = movement(cluster_2022)
    client = client_for(lead_2022)
    list_url = reverse("emulation:movement_list", args=["cum-iv", 2022])
    detail_url = reverse("emulation:movement_detail", args=[m.pk])
    client.get(list_url)
    for unit_ in [ms.unit for ms in cluster_2022.memberships.select_related("unit")]:
        MovementResponse.objects.create(movement=m, unit=unit_, amount_vnd=1_000_000)
    with CaptureQueriesContext(connection) as list_small:
        assert client.get(list_url).status_code == 200
    with CaptureQueriesContext(connection) as detail_small:
        assert client.get(detail_url).status_code == 200
    for unit_ in extra_members(cluster_2022, 4):
        MovementResponse.objects.create(movement=m, unit=unit_, amount_vnd=2_000_000)
        movement(cluster_2022, name=f"Phong trào {unit_.code}")
    with django_assert_num_queries(len(list_small.captured_queries)):
        assert client.get(list_url).status_code == 200
    with django_assert_num_queries(len(detail_small.captured_queries)):
        response = client.get(detail_url)
    assert "Thanh tra tỉnh Thêm 3" in response.content.decode()


def test_it_exports_the_movements_of_a_year(client_for, viewer, cluster_2022):
    import io

    from openpyxl import load_workbook

    movement(cluster_2022, name="Cả nước chung tay vì người nghèo")
    response = client_for(viewer).get(reverse("emulation:movement_export", args=["cum-iv", 2022]))
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Phong trào"
    assert rows[1][0] == "Cả nước chung tay vì người nghèo"


def test_it_lists_unanswered_movements_among_the_units_tasks(client_for, staff_laichau, cluster_2022):
    import datetime as dt

    import time_machine

    m = movement(cluster_2022, name="Cán bộ, công chức thi đua thực hiện văn hóa công sở")
    movement(cluster_2022, name="Phong trào chưa bắt đầu", starts_on=dt.date(2022, 9, 1))
    client = client_for(staff_laichau)
    with time_machine.travel(dt.datetime(2022, 6, 1, 9, 0), tick=False):
        body = client.get(reverse("cum4:home")).content.decode()
        assert "văn hóa công sở" in body
        assert "chưa bắt đầu" not in body
        MovementResponse.objects.create(movement=m, unit=staff_laichau.unit)
        assert "văn hóa công sở" not in client.get(reverse("cum4:home")).content.decode()


def test_it_refuses_a_conflicting_edit_showing_both_versions(client_for, staff_laichau, leader_laichau, cluster_2022):
    m = movement(cluster_2022)
    url = _respond_url(m, "laichau")
    staff, leader = client_for(staff_laichau), client_for(leader_laichau)
    # Both open the empty form, the leader saves first.
    assert leader.post(url, {"activities": "Bản của lãnh đạo", "amount_vnd": "5000000", "seen_version": ""}).status_code == 302
    response = staff.post(url, {"activities": "Bản của cán bộ", "amount_vnd": "1000000", "seen_version": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Bản của lãnh đạo" in body and "Bản của cán bộ" in body and "5.000.000" in body
    assert MovementResponse.objects.get().activities == "Bản của lãnh đạo"
    # Saving again from the version just shown replaces it.
    seen = response.context["form"].data["seen_version"]
    again = staff.post(url, {"activities": "Bản của cán bộ", "amount_vnd": "1000000", "seen_version": seen})
    assert again.status_code == 302
    assert MovementResponse.objects.get().activities == "Bản của cán bộ"


@pytest.mark.parametrize(
    ("persona", "status"),
    [("leader_sonla", 302), ("lead_2022", 302), ("secretariat", 302), ("staff_laichau", 403),
     ("viewer", 403)],
)
def test_it_lets_the_recording_unit_and_the_lead_correct_a_movement(
    request, client_for, persona, status, cluster_2022, unit, leader_sonla
):
    m = movement(cluster_2022, name="Thi đua chào mừng", launched_by="unit",
                 launching_unit=unit("sonla"), scope="unit", created_by=leader_sonla)
    data = {"edit-name": "Thi đua chào mừng Ngày thành lập tỉnh", "edit-launched_by": "unit",
            "edit-launching_unit": unit("sonla").pk, "edit-scope": "unit", "edit-kind": "thematic",
            "edit-starts_on": "2022-03-01", "edit-ends_on": "2022-05-07"}
    user = request.getfixturevalue(persona)
    response = client_for(user).post(reverse("emulation:movement_edit", args=[m.pk]), data)
    assert response.status_code == status
    m.refresh_from_db()
    assert (m.name == data["edit-name"]) is (status == 302)


def test_it_keeps_a_bad_correction_on_the_form(client_for, lead_2022, cluster_2022):
    m = movement(cluster_2022)
    response = client_for(lead_2022).post(
        reverse("emulation:movement_edit", args=[m.pk]),
        {"edit-name": "Tên mới", "edit-launched_by": "ttcp", "edit-scope": "national",
         "edit-kind": "regular", "edit-starts_on": "2022-06-01", "edit-ends_on": "2022-01-01"},
    )
    assert response.status_code == 400
    assert "Tên mới" in response.content.decode()
    m.refresh_from_db()
    assert m.name == "Phong trào thử"
