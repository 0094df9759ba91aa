"""The review of a registration: the unit leader signs (submits), that year's cluster lead
accepts or returns it with a reason, the unit corrects and signs again; who may take each
step, the lock, stale pages, the timeline and the history."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cum4.models import User
from emulation.awards.models import Award, Registration, RegistrationEvent
from emulation.awards.review import (
    StaleRegistration,
    registration_accept,
    registration_return,
    registration_submit,
    registration_withdraw,
)
from emulation.awards.services import registration_item_add

pytestmark = pytest.mark.django_db

YEAR = 2022  # lead: Lạng Sơn, deputy: Lai Châu; Sơn La and Điện Biên are plain members
State = Registration.State
Action = RegistrationEvent.Action


def _user(username: str) -> User:
    return User.objects.select_related("unit").get(username=username)


def _draft(unit, code="sonla", award="tt_ldtt", year=YEAR) -> Registration:
    registration_item_add(unit=unit(code), year=year, award=Award.objects.get(code=award),
                          by=_user(f"{code}.staff"))
    return Registration.objects.select_related("unit").get(unit__code=code, year=year)


def _fresh(registration: Registration) -> Registration:
    return Registration.objects.select_related("unit").get(pk=registration.pk)


def _submit(registration: Registration, by: User) -> Registration:
    registration_submit(registration=registration, version=registration.version, by=by)
    return _fresh(registration)


def _url(code="sonla", year=YEAR) -> str:
    return reverse("emulation:registration_detail", args=[code, year])


# The state machine ----------------------------------------------------------------------


def test_the_leader_signs_the_lead_accepts_and_every_step_is_on_record(
    unit, leader_sonla, lead_2022
):
    registration = _submit(_draft(unit), leader_sonla)
    assert registration.state == State.SUBMITTED
    assert registration.signed_by == leader_sonla and registration.signed_at is not None
    registration_accept(registration=registration, version=registration.version, by=lead_2022)
    registration = _fresh(registration)
    assert registration.state == State.ACCEPTED
    assert registration.reviewed_by == lead_2022 and registration.reviewed_at is not None
    steps = list(registration.events.values_list("action", "by__username"))
    assert steps == [(Action.SUBMITTED, "sonla.leader"), (Action.ACCEPTED, "langson.leader")]
    # simple-history keeps each state the row went through, with the version of each
    states = list(registration.history.order_by("history_date", "history_id")
                  .values_list("state", "version"))
    assert [s for s, _v in states][-2:] == [State.SUBMITTED, State.ACCEPTED]
    assert [v for _s, v in states][-1] == registration.version


def test_a_returned_registration_is_corrected_and_signed_again(
    unit, leader_sonla, lead_2022
):
    registration = _submit(_draft(unit), leader_sonla)
    registration_return(registration=registration, version=registration.version, by=lead_2022,
                        reason="Thiếu đăng ký danh hiệu cá nhân")
    registration = _fresh(registration)
    assert registration.state == State.RETURNED
    assert registration.return_reason == "Thiếu đăng ký danh hiệu cá nhân"
    # returned: the unit changes its titles again
    registration_item_add(unit=unit("sonla"), year=YEAR, award=Award.objects.get(code="tt_ldxs"),
                          by=_user("sonla.staff"))
    registration = _submit(_fresh(registration), leader_sonla)
    assert registration.state == State.SUBMITTED
    assert list(registration.events.values_list("action", "comment")) == [
        (Action.SUBMITTED, ""),
        (Action.RETURNED, "Thiếu đăng ký danh hiệu cá nhân"),
        (Action.SUBMITTED, ""),
    ]


def test_returning_needs_a_reason(unit, leader_sonla, lead_2022):
    registration = _submit(_draft(unit), leader_sonla)
    with pytest.raises(ValidationError):
        registration_return(registration=registration, version=registration.version,
                            by=lead_2022, reason="   ")
    assert _fresh(registration).state == State.SUBMITTED


def test_the_lead_may_return_an_accepted_registration_but_not_accept_a_draft(
    unit, leader_sonla, lead_2022
):
    registration = _draft(unit)
    with pytest.raises(PermissionDenied):  # a draft is not the lead's to accept
        registration_accept(registration=registration, version=registration.version,
                            by=lead_2022)
    registration = _submit(registration, leader_sonla)
    registration_accept(registration=registration, version=registration.version, by=lead_2022)
    registration = _fresh(registration)
    with pytest.raises(PermissionDenied):  # accepted once is enough
        registration_accept(registration=registration, version=registration.version,
                            by=lead_2022)
    registration_return(registration=registration, version=registration.version, by=lead_2022,
                        reason="Đơn vị đề nghị bổ sung")
    assert _fresh(registration).state == State.RETURNED


def test_the_leader_may_withdraw_the_signature_before_the_review_only(
    unit, leader_sonla, lead_2022
):
    registration = _submit(_draft(unit), leader_sonla)
    registration_withdraw(registration=registration, version=registration.version,
                          by=leader_sonla)
    registration = _fresh(registration)
    assert registration.state == State.DRAFT and registration.signed_at is None
    registration = _submit(registration, leader_sonla)
    registration_accept(registration=registration, version=registration.version, by=lead_2022)
    registration = _fresh(registration)
    with pytest.raises(PermissionDenied):
        registration_withdraw(registration=registration, version=registration.version,
                              by=leader_sonla)


def test_the_titles_are_locked_once_signed_or_accepted_until_returned(
    unit, leader_sonla, lead_2022
):
    registration = _submit(_draft(unit), leader_sonla)
    ldxs = Award.objects.get(code="tt_ldxs")
    with pytest.raises(ValidationError):
        registration_item_add(unit=unit("sonla"), year=YEAR, award=ldxs, by=leader_sonla)
    registration_accept(registration=registration, version=registration.version, by=lead_2022)
    with pytest.raises(ValidationError):
        registration_item_add(unit=unit("sonla"), year=YEAR, award=ldxs, by=leader_sonla)
    assert registration.items.count() == 1


def test_a_step_taken_on_a_stale_page_is_refused(unit, leader_sonla):
    registration = _draft(unit)
    seen = registration.version
    # the staff add a title after the leader opened the page: the leader signs what they saw
    registration_item_add(unit=unit("sonla"), year=YEAR, award=Award.objects.get(code="tt_ldxs"),
                          by=_user("sonla.staff"))
    with pytest.raises(StaleRegistration):
        registration_submit(registration=registration, version=seen, by=leader_sonla)
    assert _fresh(registration).state == State.DRAFT
    assert not RegistrationEvent.objects.exists()


def test_signing_needs_a_title(unit, leader_sonla):
    registration = Registration.objects.create(unit=unit("sonla"), year=YEAR)
    with pytest.raises(ValidationError):
        registration_submit(registration=registration, version=registration.version,
                            by=leader_sonla)


# Who may take each step -----------------------------------------------------------------


def test_unit_staff_cannot_sign_the_registration(unit):
    registration = _draft(unit)
    with pytest.raises(PermissionDenied):
        registration_submit(registration=registration, version=registration.version,
                            by=_user("sonla.staff"))
    assert _fresh(registration).state == State.DRAFT


def test_another_units_leader_cannot_sign_the_registration(unit, leader_laichau, secretariat):
    registration = _draft(unit)
    for other in (leader_laichau, secretariat):  # the secretariat gets no pass either
        with pytest.raises(PermissionDenied):
            registration_submit(registration=registration, version=registration.version,
                                by=other)
    assert _fresh(registration).state == State.DRAFT


def test_only_the_cluster_lead_or_deputy_of_that_year_accepts_or_returns(
    unit, leader_sonla, lead_2022, secretariat
):
    registration = _submit(_draft(unit), leader_sonla)
    outsiders = [
        leader_sonla,  # the unit's own leader
        _user("dienbien.leader"),  # a plain member's leader that year
        _user("laocai.leader"),  # the lead of 2023, not of 2022
        _user("langson.staff"),  # the lead unit's staff, not its leader
        secretariat,
    ]
    for person in outsiders:
        with pytest.raises(PermissionDenied):
            registration_accept(registration=registration, version=registration.version,
                                by=person)
        with pytest.raises(PermissionDenied):
            registration_return(registration=registration, version=registration.version,
                                by=person, reason="Không hợp lệ")
    assert _fresh(registration).state == State.SUBMITTED
    # the deputy of that year (Lai Châu) reviews too, as it approves reports
    registration_accept(registration=registration, version=registration.version,
                        by=_user("laichau.leader"))
    assert _fresh(registration).state == State.ACCEPTED


# On the page ----------------------------------------------------------------------------


def test_the_unit_page_shows_who_signs_and_the_sign_button_to_the_leader_only(
    unit, leader_sonla, client_for
):
    registration = _draft(unit)
    staff_page = client_for(_user("sonla.staff")).get(_url()).content.decode()
    assert 'data-testid="who-signs"' in staff_page and "Ai ký gửi" in staff_page
    assert "Lãnh đạo đơn vị ký bản đăng ký, đồng thời gửi tới Trưởng cụm" in staff_page
    assert str(leader_sonla) in staff_page
    assert 'data-testid="sign"' not in staff_page
    leader = client_for(leader_sonla)
    leader_page = leader.get(_url()).content.decode()
    assert 'data-testid="sign"' in leader_page and "Ký bản đăng ký" in leader_page
    response = leader.post(_url(), {"action": "sign", "version": registration.version})
    assert response.status_code == 302
    staff_page = client_for(_user("sonla.staff")).get(_url()).content.decode()
    assert "chờ Trưởng cụm xét duyệt" in staff_page
    assert 'data-testid="registration-locked"' in staff_page
    assert 'value="add"' not in staff_page  # no more adding titles
    assert "Đã ký và gửi" in staff_page  # the timeline


def test_the_lead_accepts_or_returns_from_the_registration_page(
    unit, leader_sonla, lead_2022, client_for
):
    registration = _submit(_draft(unit), leader_sonla)
    lead = client_for(lead_2022)
    page = lead.get(_url()).content.decode()
    assert 'data-testid="accept-form"' in page and 'data-testid="return-form"' in page
    assert "Chấp thuận bản đăng ký" in page and "Trả lại đơn vị" in page
    # nobody else sees the lead's buttons
    member_page = client_for(leader_sonla).get(_url()).content.decode()
    assert 'data-testid="accept-form"' not in member_page
    response = lead.post(_url(), {"action": "return", "version": registration.version,
                                  "reason": "Bổ sung danh hiệu cá nhân"})
    assert response.status_code == 302
    assert _fresh(registration).state == State.RETURNED
    unit_page = client_for(_user("sonla.staff")).get(_url()).content.decode()
    assert 'data-testid="return-reason"' in unit_page
    assert "Trưởng cụm trả lại:" in unit_page and "Bổ sung danh hiệu cá nhân" in unit_page
    assert 'value="add"' in unit_page  # returned: editable again
    registration = _submit(_fresh(registration), leader_sonla)
    assert lead.post(_url(), {"action": "accept", "version": registration.version}
                     ).status_code == 302
    assert _fresh(registration).state == State.ACCEPTED
    assert "Trưởng cụm đã chấp thuận" in lead.get(_url()).content.decode()


def test_a_member_leader_posting_the_leads_step_gets_403(unit, leader_sonla, client_for):
    registration = _submit(_draft(unit), leader_sonla)
    other = client_for(_user("dienbien.leader"))  # cannot even read Sơn La's registration
    assert other.post(_url(), {"action": "accept", "version": registration.version}
                      ).status_code == 403
    assert client_for(leader_sonla).post(
        _url(), {"action": "accept", "version": registration.version}
    ).status_code == 403
    assert _fresh(registration).state == State.SUBMITTED


def test_a_step_posted_without_the_version_changes_nothing(unit, leader_sonla, client_for):
    registration = _draft(unit)
    response = client_for(leader_sonla).post(_url(), {"action": "sign"}, follow=True)
    assert "Bản đăng ký đã thay đổi trong lúc bạn đang xem" in response.content.decode()
    assert _fresh(registration).state == State.DRAFT


def test_the_lead_exports_each_registrations_review_state(
    unit, leader_sonla, lead_2022, client_for
):
    import io

    from openpyxl import load_workbook

    registration = _submit(_draft(unit), leader_sonla)
    registration_accept(registration=registration, version=registration.version, by=lead_2022)
    _draft(unit, "dienbien")
    url = reverse("emulation:registrations_export", args=["cum-iv", YEAR])
    sheet = load_workbook(io.BytesIO(client_for(lead_2022).get(url).content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if "Tình trạng xét duyệt" in row)
    column = header.index("Tình trạng xét duyệt")
    states = {row[0]: row[column] for row in rows[rows.index(header) + 1:] if row[0]}
    assert states["Thanh tra tỉnh Sơn La"] == "đã chấp thuận"
    assert states["Thanh tra tỉnh Điện Biên"] == "bản nháp"
