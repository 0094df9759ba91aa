"""Issue 16 item 7: what the eligibility page costs beyond its queries. The rules and the
records they read are read by queries built once per process (building them, each with the
ids of a hundred people, cost more than running them); the unit's titles ask each member
whether they are LĐTT once, not once per title; the pending complaints read that way are the
ones `pending_flags` reads."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models.signals import post_init
from django.db.models.sql.compiler import SQLCompiler
from django.urls import reverse

from cum4.models import Unit, User
from emulation.awards.eligibility import unit_eligibility
from emulation.awards.eligibility.engine import PersonEligibility
from emulation.awards.eligibility.loading import members_in_year, pending_in_unit
from emulation.awards.eligibility_page import _Texts, status_html
from emulation.staff.models import PendingComplaint, StaffAssignment, StaffMember
from emulation.staff.selectors import pending_flags

pytestmark = pytest.mark.django_db


def _built(monkeypatch, call) -> int:
    """How many queries the ORM builds (compiles) while `call()` runs."""
    built = 0
    as_sql = SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        nonlocal built
        built += 1
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    call()
    monkeypatch.setattr(SQLCompiler, "as_sql", as_sql)
    return built


def test_the_eligibility_page_builds_its_record_queries_once_per_process(
    records, client_for, monkeypatch
):
    laichau = Unit.objects.get(code="laichau")
    for person in records.people(laichau, 12):
        records.rate(person, 2024, "excellent")
    client = client_for(User.objects.get(username="laichau.leader"))
    url = reverse("emulation:eligibility", args=["laichau", 2024])
    assert client.get(url).status_code == 200  # builds the record queries of the process
    # The session, the user, the unit and the confirmations: the rules, the people, their
    # ratings, discipline, initiatives, awards, leave and complaints run as built (8 more).
    assert _built(monkeypatch, lambda: client.get(url)) <= 4


def test_the_units_titles_ask_each_member_for_ldtt_once(records, monkeypatch):
    laichau = Unit.objects.get(code="laichau")
    people = records.people(laichau, 10)
    for person in people:
        records.rate(person, 2024, "good")
    asked = 0
    holds_ldtt = PersonEligibility.holds_ldtt

    def counting(self, awarded):
        nonlocal asked
        asked += 1
        return holds_ldtt(self, awarded)

    monkeypatch.setattr(PersonEligibility, "holds_ldtt", counting)
    result = unit_eligibility(unit=laichau, year=2024)
    assert len(result.collective) >= 2  # several titles read the unit's share of LĐTT
    # Once for the unit's count, once for its titles (it was once more per title).
    assert asked == 2 * len(result.members)


def test_the_pending_complaints_read_for_the_unit_are_those_pending_flags_reads(records, unit):
    laichau, sonla = unit("laichau"), unit("sonla")
    member, other = records.person(laichau), records.person(laichau)
    left = records.person(laichau, start=dt.date(2024, 1, 1))
    StaffAssignment.objects.filter(staff_member=left).update(end=dt.date(2024, 5, 31))
    StaffAssignment.objects.create(staff_member=left, unit=sonla, position="Thanh tra viên",
                                   start=dt.date(2024, 6, 1))
    elsewhere = records.person(sonla)
    on = dt.date(2024, 12, 31)

    def complaint(unit, person=None, received=dt.date(2024, 3, 1), resolved=None):
        PendingComplaint.objects.create(kind="complaint", unit=unit, staff_member=person,
                                        received_on=received, resolved_on=resolved,
                                        summary="Đơn")

    complaint(laichau, member)
    complaint(laichau, other, resolved=dt.date(2024, 7, 1))  # resolved before the day
    complaint(sonla, left)  # recorded where they went: not the unit's to flag
    complaint(laichau, elsewhere)  # recorded at the unit for someone never in it
    complaint(laichau, received=dt.date(2025, 1, 5))  # the unit's, after the day
    result = unit_eligibility(unit=laichau, year=2024)
    person_ids = {p.staff_member.pk for p in result.members}
    assert left.pk not in person_ids
    expected = pending_flags(unit_ids=[laichau.pk], staff_ids=person_ids, on=on)
    assert pending_in_unit(laichau, 2024, on, person_ids) == expected
    assert expected.staff_ids == {member.pk, elsewhere.pk} and not expected.unit_ids
    complaint(laichau)
    expected = pending_flags(unit_ids=[laichau.pk], staff_ids=person_ids, on=on)
    assert pending_in_unit(laichau, 2024, on, person_ids) == expected
    assert expected.unit_ids == {laichau.pk}


def test_the_unit_people_are_made_without_model_init_as_from_db_makes_them(records, monkeypatch):
    laichau = Unit.objects.get(code="laichau")
    records.people(laichau, 3)
    inits = 0
    init = StaffAssignment.__init__

    def counting(self, *args, **kwargs):
        nonlocal inits
        inits += 1
        init(self, *args, **kwargs)

    monkeypatch.setattr(StaffAssignment, "__init__", counting)
    members, _service = members_in_year(laichau, 2024)
    monkeypatch.setattr(StaffAssignment, "__init__", init)
    assert len(members) >= 3 and inits == 0
    for made_row in members:
        orm = StaffAssignment.objects.select_related("staff_member").get(pk=made_row.pk)
        for row, model in ((made_row, StaffAssignment), (made_row.staff_member, StaffMember)):
            other = orm if model is StaffAssignment else orm.staff_member
            assert [getattr(row, f.attname) for f in model._meta.concrete_fields] == [
                getattr(other, f.attname) for f in model._meta.concrete_fields]
            assert (row._state.adding, row._state.db) == (False, other._state.db)
    # Something listening to a model's init still hears it: through from_db.
    heard = []

    def listening(sender, instance, **kwargs):
        heard.append(instance)

    post_init.connect(listening, StaffMember, weak=False)
    try:
        members, _service = members_in_year(laichau, 2024)
    finally:
        post_init.disconnect(listening, StaffMember)
    assert {m.staff_member.pk for m in members} <= {m.pk for m in heard}


def test_people_in_the_same_case_share_their_checks_and_status_markup(records):
    laichau = Unit.objects.get(code="laichau")
    people = records.people(laichau, 4)
    for person in people:
        records.rate(person, 2024, "excellent")
    result = unit_eligibility(unit=laichau, year=2024)
    ldtt = [p.results["ldtt"] for p in result.members if p.staff_member in people]
    # Made once per unit: the same check objects, hence one status markup for the page.
    assert all(r.checks[i] is ldtt[0].checks[i] for r in ldtt for i in range(len(r.checks)))
    texts = _Texts()
    assert len({status_html(r, texts) for r in ldtt}) == 1 and len(texts.statuses) == 1
