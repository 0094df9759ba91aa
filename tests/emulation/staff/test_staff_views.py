"""Staff register pages: a unit edits only its own people."""

from __future__ import annotations

from django.urls import reverse

from emulation.staff.models import StaffMember, YearlyRating
from tests.emulation.conftest import queries_of


def test_it_lists_a_units_staff_with_ratings(records, unit, staff_laichau, client_for):
    person = records.person(unit("laichau"), name="Lò Thị Mai")
    records.rate(person, 2026, "excellent")
    response = client_for(staff_laichau).get(reverse("emulation:staff_list", args=["laichau"]))
    assert response.status_code == 200
    assert "Lò Thị Mai" in response.content.decode()


def test_it_adds_a_person_to_the_own_unit(staff_laichau, client_for):
    response = client_for(staff_laichau).post(
        reverse("emulation:staff_list", args=["laichau"]),
        {"code": "lc-new", "full_name": "Giàng A Páo", "position": "Thanh tra viên",
         "leadership_level": "staff", "start": "2024-02-01"},
    )
    assert response.status_code == 302
    assert StaffMember.objects.get(code="lc-new").assignments.get().unit.code == "laichau"


def test_it_keeps_what_was_typed_when_the_code_is_taken(records, unit, staff_laichau, client_for):
    records.person(unit("laichau"))
    taken = StaffMember.objects.get().code
    response = client_for(staff_laichau).post(
        reverse("emulation:staff_list", args=["laichau"]),
        {"code": taken, "full_name": "Giàng A Páo", "position": "Thanh tra viên",
         "leadership_level": "staff", "start": "2024-02-01"},
    )
    assert response.status_code == 200
    assert "Giàng A Páo" in response.content.decode()
    assert StaffMember.objects.count() == 1


def test_it_forbids_staff_of_another_unit_to_see_or_edit_the_register(
    records, unit, staff_laichau, leader_sonla, client_for
):
    person = records.person(unit("laichau"))
    client = client_for(leader_sonla)
    assert client.get(reverse("emulation:staff_list", args=["laichau"])).status_code == 403
    assert client.post(
        reverse("emulation:staff_list", args=["laichau"]),
        {"code": "x", "full_name": "X", "position": "X", "leadership_level": "staff",
         "start": "2024-01-01"},
    ).status_code == 403
    detail = reverse("emulation:staff_detail", args=[person.pk])
    assert client.get(detail).status_code == 403
    assert client.post(detail, {"form": "rating", "year": 2024, "rating": "excellent"}
                       ).status_code == 403
    assert not YearlyRating.objects.exists()
    assert client.post(reverse("emulation:staff_import", args=["laichau"])).status_code == 403


def test_it_records_a_rating_on_the_person_page(records, unit, staff_laichau, client_for):
    person = records.person(unit("laichau"))
    response = client_for(staff_laichau).post(
        reverse("emulation:staff_detail", args=[person.pk]),
        {"form": "rating", "year": 2024, "rating": "excellent"},
    )
    assert response.status_code == 302
    assert YearlyRating.objects.get(staff_member=person).unit.code == "laichau"


def test_it_moves_a_person_to_another_unit_keeping_one_history(
    records, unit, staff_laichau, leader_sonla, client_for
):
    person = records.person(unit("laichau"))
    records.rate(person, 2023, "good")
    response = client_for(staff_laichau).post(
        reverse("emulation:staff_detail", args=[person.pk]),
        {"form": "move", "unit": unit("sonla").pk, "position": "Phó Chánh Thanh tra",
         "leadership_level": "department", "start": "2024-05-01"},
    )
    assert response.status_code == 302
    assert [a.unit.code for a in person.assignments.order_by("start")] == ["laichau", "sonla"]
    # The new unit now edits the person; the old one no longer does.
    detail = reverse("emulation:staff_detail", args=[person.pk])
    assert client_for(leader_sonla).get(detail).status_code == 200
    assert client_for(staff_laichau).get(detail).status_code == 403
    assert "2023" in client_for(leader_sonla).get(detail).content.decode()


def test_it_lists_staff_in_the_same_number_of_queries_for_3_or_15_people(
    records, unit, staff_laichau, client_for
):
    laichau, client = unit("laichau"), client_for(staff_laichau)
    url = reverse("emulation:staff_list", args=["laichau"])
    for person in records.people(laichau, 3):
        records.rate(person, 2025, "good")
    small = queries_of(client, url)
    for person in records.people(laichau, 12):
        records.rate(person, 2025, "good")
        records.rate(person, 2024, "excellent")
    assert queries_of(client, url) == small


def test_it_exports_the_register_to_excel(records, unit, staff_laichau, client_for):
    records.person(unit("laichau"))
    response = client_for(staff_laichau).get(reverse("emulation:staff_export", args=["laichau"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_it_refuses_a_conflicting_edit_showing_both_versions(records, unit, staff_laichau,
                                                             client_for):
    person = records.person(unit("laichau"), name="Lò Văn Cũ")
    url = reverse("emulation:staff_detail", args=[person.pk])
    loaded = {"loaded_full_name": "Lò Văn Cũ", "loaded_birth_year": "", "loaded_note": ""}
    client = client_for(staff_laichau)
    first = client.post(url, {"form": "person", "full_name": "Lò Văn Mới", "birth_year": "1985",
                              "note": "", **loaded})
    assert first.status_code == 302
    # A second editor who opened the page before the first save.
    second = client.post(url, {"form": "person", "full_name": "Lò Văn Khác", "birth_year": "",
                               "note": "ghi chú", **loaded})
    assert second.status_code == 200
    page = second.content.decode()
    assert 'data-testid="conflict"' in page
    assert "Lò Văn Mới" in page and "Lò Văn Khác" in page
    person.refresh_from_db()
    assert (person.full_name, person.birth_year) == ("Lò Văn Mới", 1985)
