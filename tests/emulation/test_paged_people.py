"""The staff register and the eligibility table show a page of 50 people, with a search by
name or code kept across the pages; the unit's own figures still count everyone."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cum4.models import Unit, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def laichau_people(records):
    laichau = Unit.objects.get(code="laichau")
    people = records.people(laichau, 55)
    for person in people:
        records.rate(person, 2024, "excellent")
    return sorted(people, key=lambda p: (p.full_name, p.code))


def _names(page: str, testid: str) -> list[str]:
    table = page.split(f'data-testid="{testid}"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<a href="/emulation/staff/\d+/">([^<]+)</a>', table)


def test_the_staff_register_shows_a_page_of_50_people_and_the_rest_on_the_next(
    laichau_people, client_for
):
    client = client_for(User.objects.get(username="laichau.leader"))
    url = reverse("emulation:staff_list", args=["laichau"])
    first = client.get(url).content.decode()
    assert _names(first, "staff-table") == [p.full_name for p in laichau_people[:50]]
    assert 'data-testid="pages"' in first and "1 / 2" in first
    second = client.get(url, {"page": 2}).content.decode()
    assert _names(second, "staff-table") == [p.full_name for p in laichau_people[50:]]


def test_the_staff_register_finds_a_person_by_name_or_code_and_keeps_former_staff(
    laichau_people, client_for
):
    client = client_for(User.objects.get(username="laichau.leader"))
    url = reverse("emulation:staff_list", args=["laichau"])
    person = laichau_people[7]
    by_name = client.get(url, {"q": person.full_name.upper(), "former": "1"}).content.decode()
    assert _names(by_name, "staff-table") == [person.full_name]
    assert 'name="former" value="1"' in by_name  # the search form keeps the filter
    by_code = client.get(url, {"q": person.code}).content.decode()
    assert person.full_name in _names(by_code, "staff-table")
    nobody = client.get(url, {"q": "không có ai"}).content.decode()
    assert _names(nobody, "staff-table") == []


def test_the_eligibility_table_pages_people_while_the_unit_counts_everyone(
    laichau_people, client_for
):
    client = client_for(User.objects.get(username="laichau.leader"))
    url = reverse("emulation:eligibility", args=["laichau", 2024])
    response = client.get(url)
    page = response.content.decode()
    assert _names(page, "individual") == [p.full_name for p in laichau_people[:50]]
    assert len(response.context["result"].members) == 55
    assert response.context["result"].ldtt_count == 55  # the unit's share reads all of them
    second = client.get(url, {"page": 2}).content.decode()
    assert _names(second, "individual") == [p.full_name for p in laichau_people[50:]]
    person = laichau_people[51]
    found = client.get(url, {"q": person.full_name.lower()}).content.decode()
    assert _names(found, "individual") == [person.full_name]
