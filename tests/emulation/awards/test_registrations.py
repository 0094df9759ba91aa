"""Registrations: the unit drafts, its leader signs, late ones flagged, the lead sees all."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from emulation.awards.models import Award, Registration, RegistrationItem
from emulation.awards.services import registration_item_add
from emulation.staff.models import PendingComplaint
from tests.emulation.conftest import queries_of


def _url(code="laichau", year=2026):
    return reverse("emulation:registration_detail", args=[code, year])


def _add(client, award, staff_member=None, code="laichau", year=2026):
    data = {"action": "add", "award": award}
    if staff_member is not None:
        data["staff_member"] = staff_member.pk
    return client.post(_url(code, year), data)


def _sign(client, code="laichau", year=2026):
    """The leader's sign button, with the version of the registration the page showed."""
    registration = Registration.objects.filter(unit__code=code, year=year).first()
    version = registration.version if registration else 0
    return client.post(_url(code, year), {"action": "sign", "version": version})


def test_it_registers_titles_for_the_unit_and_its_people(records, unit, staff_laichau,
                                                           client_for):
    person = records.person(unit("laichau"))
    client = client_for(staff_laichau)
    assert _add(client, "tt_ldxs").status_code == 302
    assert _add(client, "cstdcs", person).status_code == 302
    items = RegistrationItem.objects.filter(registration__unit__code="laichau",
                                            registration__year=2026)
    assert sorted((i.award_id, i.staff_member_id) for i in items) == [
        ("cstdcs", person.pk), ("tt_ldxs", None)
    ]


def test_it_refuses_a_collective_title_for_a_person(records, unit, staff_laichau, client_for):
    person = records.person(unit("laichau"))
    response = _add(client_for(staff_laichau), "tt_ldtt", person)
    assert response.status_code == 200
    assert not RegistrationItem.objects.exists()


@time_machine.travel(dt.datetime(2026, 3, 20, 9, 0, tzinfo=dt.UTC))
def test_it_lets_only_the_leader_sign_and_then_locks_it(records, unit, staff_laichau,
                                                          leader_laichau, client_for):
    staff, leader = client_for(staff_laichau), client_for(leader_laichau)
    _add(staff, "tt_ldtt")
    assert _sign(staff).status_code == 403
    assert _sign(leader).status_code == 302
    registration = Registration.objects.get(unit__code="laichau", year=2026)
    assert registration.signed_by == leader_laichau
    assert registration.state == Registration.State.SUBMITTED
    # Signed: no more changes until the leader withdraws the signature.
    _add(staff, "tt_ldxs")
    assert registration.items.count() == 1
    page = leader.get(_url()).content.decode()
    assert 'data-testid="late"' not in page


def test_it_flags_a_registration_signed_after_25_march(records, unit, staff_laichau,
                                                         leader_laichau, client_for):
    with time_machine.travel(dt.datetime(2026, 3, 20, tzinfo=dt.UTC)):
        _add(client_for(staff_laichau), "tt_ldtt")
    with time_machine.travel(dt.datetime(2026, 3, 27, 3, 0, tzinfo=dt.UTC)):
        _sign(client_for(leader_laichau))
        page = client_for(leader_laichau).get(_url()).content.decode()
    assert 'data-testid="late"' in page


def test_it_forbids_another_units_staff_to_edit_the_registration(records, unit, staff_laichau,
                                                                  leader_sonla, client_for):
    client = client_for(leader_sonla)
    assert client.get(_url()).status_code == 403
    assert _add(client, "tt_ldtt").status_code == 403
    assert _sign(client).status_code == 403
    assert not Registration.objects.exists()
    _add(client_for(staff_laichau), "tt_ldtt")
    item = RegistrationItem.objects.get()
    assert client.post(_url(), {"action": "remove", "item": item.pk}).status_code == 403
    assert RegistrationItem.objects.exists()


def test_it_shows_every_units_registration_to_the_cluster_lead_only(
    records, unit, staff_laichau, lead_2022, leader_sonla, client_for
):
    _add(client_for(staff_laichau), "tt_ldtt", year=2022)
    overview = reverse("emulation:registration_overview", args=["cum-iv", 2022])
    response = client_for(lead_2022).get(overview)
    assert response.status_code == 200
    assert "Lai Châu" in response.content.decode()
    # The lead of 2022 reads Lai Châu's registration page itself; Sơn La's leader does not.
    assert client_for(lead_2022).get(_url(year=2022)).status_code == 200
    assert client_for(lead_2022).get(_url(year=2023)).status_code == 403
    assert client_for(leader_sonla).get(overview).status_code == 403
    export = reverse("emulation:registrations_export", args=["cum-iv", 2022])
    assert client_for(lead_2022).get(export)["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )


def test_it_shows_the_pending_complaint_flag_and_eligibility(records, unit, staff_laichau,
                                                             client_for):
    laichau = unit("laichau")
    person = records.person(laichau, name="Người Bị Tố Cáo")
    records.rate(person, 2026, "good")
    PendingComplaint.objects.create(kind="denunciation", unit=laichau, staff_member=person,
                                    received_on=dt.date(2026, 1, 5), summary="Tố cáo")
    client = client_for(staff_laichau)
    _add(client, "ldtt", person)
    page = client.get(_url()).content.decode()
    assert 'data-testid="pending"' in page


def test_it_keeps_the_registration_page_queries_independent_of_staff(
    records, unit, staff_laichau, client_for
):
    laichau, client = unit("laichau"), client_for(staff_laichau)

    def grow(count):
        for person in records.people(laichau, count):
            records.rate(person, 2026, "good")
            records.rate(person, 2025, "excellent")
            records.grant(person, "cstdcs", 2025)
            _add(client, "ldtt", person)

    _add(client, "tt_ldtt")
    grow(2)
    small = queries_of(client, _url())
    grow(10)
    assert queries_of(client, _url()) == small


def test_it_keeps_the_eligibility_page_queries_independent_of_staff(
    records, unit, staff_laichau, client_for
):
    laichau, client = unit("laichau"), client_for(staff_laichau)
    url = reverse("emulation:eligibility", args=["laichau", 2026])

    def grow(count):
        for person in records.people(laichau, count):
            records.rate(person, 2026, "excellent")
            records.grant(person, "cstdcs", 2025)
            records.initiative(person, 2025, "province")
            records.discipline(person, 2026, "reprimand")

    grow(2)
    small = queries_of(client, url)
    grow(10)
    assert queries_of(client, url) == small


def test_it_forbids_another_unit_to_read_or_confirm_eligibility(records, unit, leader_sonla,
                                                                client_for):
    url = reverse("emulation:eligibility", args=["laichau", 2026])
    client = client_for(leader_sonla)
    assert client.get(url).status_code == 403
    assert client.post(url, {"award": "co_ttcp", "condition": "x", "evidence": "y"}
                       ).status_code == 403


def test_it_confirms_a_manual_condition_with_evidence(records, unit, leader_laichau,
                                                      client_for):
    from emulation.awards.models import TitleRule

    condition = TitleRule.objects.in_force_on(dt.date(2026, 12, 31)).get(
        award_id="co_ttcp").manual_condition_list()[0]
    client = client_for(leader_laichau)
    url = reverse("emulation:eligibility", args=["laichau", 2026])
    assert "Confirm" in client.get(url).content.decode() or "Xác nhận" in client.get(
        url).content.decode()
    response = client.post(url, {"award": "co_ttcp", "condition": condition,
                                 "evidence": "Biên bản bỏ phiếu suy tôn ngày 10/12/2026"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Biên bản bỏ phiếu suy tôn" in page


def test_it_lists_the_registration_as_a_unit_task_until_signed(records, staff_laichau,
                                                                leader_laichau, client_for):
    home = reverse("cum4:home")
    with time_machine.travel(dt.datetime(2026, 3, 1, 3, 0, tzinfo=dt.UTC)):
        page = client_for(staff_laichau).get(home).content.decode()
        assert _url() in page and "25/03/2026" in page
        assert "task-due" in page
    with time_machine.travel(dt.datetime(2026, 3, 26, 3, 0, tzinfo=dt.UTC)):
        assert "task-late" in client_for(staff_laichau).get(home).content.decode()
        _add(client_for(staff_laichau), "tt_ldtt")
        _sign(client_for(leader_laichau))
        assert _url() not in client_for(staff_laichau).get(home).content.decode()


def test_it_keeps_the_lead_overview_queries_independent_of_registrations(
    records, unit, lead_2022, staff_laichau, client_for
):
    client = client_for(lead_2022)
    url = reverse("emulation:registration_overview", args=["cum-iv", 2022])
    laichau = unit("laichau")
    staff = client_for(staff_laichau)
    _add(staff, "tt_ldtt", year=2022)
    small = queries_of(client, url)
    for person in records.people(laichau, 8):
        _add(staff, "ldtt", person, year=2022)
    registration_item_add(unit=unit("sonla"), year=2022, award=Award.objects.get(code="cstdcs"),
                          staff_member=records.person(unit("sonla")), by=staff_laichau)
    assert queries_of(client, url) == small
