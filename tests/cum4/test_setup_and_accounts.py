"""Issue 15, items 1 and 2: a first cluster from an empty database, and accounts that set their
own password through a one-time link."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.contrib.auth import authenticate as _authenticate
from django.core import mail
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from cum4.models import Cluster, ClusterYear, Membership, Unit, User
from tests.reports.conftest import make_report


def authenticate(**credentials):
    """Sign-in as the login page does it: with a request (the lockout backend needs one)."""
    return _authenticate(request=RequestFactory().post("/"), **credentials)

pytestmark = pytest.mark.django_db


def _superuser(monkeypatch, username: str = "admin") -> User:
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", username)
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-Long-secret-9")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "admin@example.vn")
    call_command("createsuperuser", interactive=False, verbosity=0)
    return User.objects.get(username=username)


def test_it_creates_a_superuser_as_the_secretariat_without_a_unit(monkeypatch):
    user = _superuser(monkeypatch)
    assert user.is_superuser and user.is_staff
    assert user.role == User.Role.SECRETARIAT and user.unit is None


def _checklist(client: Client) -> dict[str, str]:
    html = client.get(reverse("cum4:home")).content.decode()
    return dict(re.findall(r'data-step="(\w+)" data-done="(\d)"', html))


def test_it_ticks_the_set_up_checklist_step_by_step_and_hides_it_when_done(monkeypatch):
    from cum4.selectors import reporting_year_of

    client = Client()
    client.force_login(_superuser(monkeypatch))
    assert _checklist(client) == {"units": "0", "cluster": "0", "cluster_year": "0", "accounts": "0"}
    html = client.get(reverse("cum4:home")).content.decode()
    assert reverse("admin:cum4_unit_changelist") in html
    assert reverse("admin:cum4_clusteryear_add") in html

    a = Unit.objects.create(code="a", name="Thanh tra tỉnh A", province="A")
    b = Unit.objects.create(code="b", name="Thanh tra tỉnh B", province="B")
    cluster = Cluster.objects.create(code="c", name="Cụm C", organiser="TTCP")
    assert _checklist(client) == {"units": "1", "cluster": "1", "cluster_year": "0", "accounts": "0"}
    cluster_year = ClusterYear.objects.create(cluster=cluster, year=reporting_year_of())
    Membership.objects.create(cluster_year=cluster_year, unit=a, role=Membership.Role.LEAD)
    assert _checklist(client)["cluster_year"] == "0"  # no deputy yet
    Membership.objects.create(cluster_year=cluster_year, unit=b, role=Membership.Role.DEPUTY)
    assert _checklist(client)["cluster_year"] == "1"
    User.objects.create_user("a.leader", role=User.Role.LEADER, unit=a)
    assert _checklist(client)["accounts"] == "0"  # b has no leader
    User.objects.create_user("b.leader", role=User.Role.LEADER, unit=b)
    assert _checklist(client) == {}


def _users_workbook(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["username", "full_name", "email", "role", "unit", "position", "is_active"])
    for row in rows:
        book.active.append(row)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _import_users(client: Client, content: bytes):
    url = reverse("admin:cum4_user_import")
    upload = io.BytesIO(content)
    upload.name = "users.xlsx"
    response = client.post(url, {"resource": "0", "format": "1", "import_file": upload})
    form = re.search(rb'name="import_file_name" value="([^"]+)"', response.content)
    assert form, response.content.decode()[:3000]
    data = {
        "import_file_name": form.group(1).decode(),
        "original_file_name": "users.xlsx",
        "format": "1",
        "resource": "0",
    }
    return client.post(reverse("admin:cum4_user_process_import"), data)


def _links(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-username="([^"]+)">.*?value="(http[^"]+)"', html, re.S))


def test_it_gives_imported_people_a_one_time_link_to_set_their_password(
    client_for, secretariat, unit
):
    response = _import_users(client_for(secretariat), _users_workbook([
        ["new.leader", "Nguyễn Văn Mới", "moi@example.vn", "leader", "laichau", "", 1],
        ["new.staff", "Trần Thị Không Thư", "", "staff", "laichau", "", 1],
    ]))
    assert response.status_code == 200
    links = _links(response.content.decode())
    assert set(links) == {"new.leader", "new.staff"}
    assert not User.objects.get(username="new.staff").has_usable_password()
    # e-mailed to the one with an address, shown to copy for both
    assert [m.to for m in mail.outbox] == [["moi@example.vn"]]
    assert links["new.leader"] in mail.outbox[0].body

    anonymous = Client()
    path = links["new.staff"].split("testserver", 1)[1]
    form_url = anonymous.get(path).url  # Django swaps the token for a session mark
    response = anonymous.post(
        form_url, {"new_password1": "Lai-Chau-2026!", "new_password2": "Lai-Chau-2026!"}
    )
    assert response.status_code == 302
    assert authenticate(username="new.staff", password="Lai-Chau-2026!") is not None
    # once only
    again = Client().get(path, follow=True)
    assert 'data-testid="invalid-link"' in again.content.decode()


def test_it_e_mails_a_reset_link_to_a_person_who_forgot_their_password(staff_laichau):
    staff_laichau.email = "canbo@laichau.example.vn"
    staff_laichau.save()
    client = Client()
    response = client.post(reverse("password_reset"), {"email": "CANBO@laichau.example.vn"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "Cụm IV" in mail.outbox[0].subject
    path = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(path).url
    client.post(form_url, {"new_password1": "Moi-Mat-Khau-7", "new_password2": "Moi-Mat-Khau-7"})
    assert authenticate(username="laichau.staff", password="Moi-Mat-Khau-7") is not None


def test_the_secretariat_can_show_a_reset_link_without_e_mail(client_for, secretariat, staff_laichau):
    response = client_for(secretariat).post(
        reverse("admin:cum4_user_changelist"),
        {"action": "show_password_links", "_selected_action": [staff_laichau.pk]},
    )
    assert response.status_code == 200
    assert set(_links(response.content.decode())) == {"laichau.staff"}
    assert mail.outbox == []


def test_the_user_list_shows_who_never_signed_in_or_has_no_usable_password(
    client_for, secretariat, staff_laichau, leader_laichau
):
    User.objects.filter(pk=staff_laichau.pk).update(password="!")
    client = client_for(secretariat)  # signs the secretariat in: it has a last_login
    url = reverse("admin:cum4_user_changelist")

    def usernames(**params) -> set[str]:
        html = client.get(url, params).content.decode()
        return set(re.findall(r"field-username[^>]*><a[^>]*>([^<]+)<", html))

    assert "laichau.leader" in usernames(signed_in="never")
    assert "secretariat" not in usernames(signed_in="never")
    assert "secretariat" in usernames(signed_in="yes")
    assert usernames(usable_password="none") == {"laichau.staff"}
    listing = client.get(url).content.decode()
    assert "column-last_login" in listing and "column-has_password" in listing


def test_deactivating_a_person_keeps_what_they_submitted(
    client_for, secretariat, leader_laichau, unit
):
    report = make_report(unit("laichau"), 2022, 1, "submitted", by=leader_laichau)
    client = client_for(secretariat)
    client.post(
        reverse("admin:cum4_user_changelist"),
        {"action": "deactivate", "_selected_action": [leader_laichau.pk]},
    )
    leader_laichau.refresh_from_db()
    report.refresh_from_db()
    assert not leader_laichau.is_active
    assert report.submitted_by == leader_laichau
    assert authenticate(username="laichau.leader", password="cum4-demo-2022") is None
    # never deleted: the admin offers no delete
    delete = client.get(reverse("admin:cum4_user_delete", args=[leader_laichau.pk]))
    assert delete.status_code in (302, 403)
    assert User.objects.filter(pk=leader_laichau.pk).exists()
