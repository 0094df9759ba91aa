"""The access log: downloads and exports, changes of a user's role or unit, the secretariat's
read-only admin, and the retention of ACCESS_LOG_DAYS days."""

from __future__ import annotations

import datetime as dt
import io
import re

import openpyxl
import pytest
import tablib
from django.contrib import admin
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from cum4.audit.models import AccessRecord
from cum4.models import Unit, User
from tests.reports.conftest import make_report

pytestmark = pytest.mark.django_db


def test_it_records_who_downloaded_the_cluster_workbook(client_for, secretariat):
    response = client_for(secretariat).get("/clusters/cum-iv/2022/report.xlsx?period=year")
    assert response.status_code == 200
    record = AccessRecord.objects.get()
    assert (record.user, record.username, record.action) == (secretariat, "secretariat", "download")
    assert record.what == "cum-iv-2022-year.xlsx"
    assert record.path == "/clusters/cum-iv/2022/report.xlsx?period=year"
    assert record.ip_address == "127.0.0.1"


def test_it_records_the_offline_template_of_a_report(client_for, staff_laichau):
    report = make_report(staff_laichau.unit, 2023, 1)
    client_for(staff_laichau).get(f"/offline/{report.pk}/template.xlsx")
    assert AccessRecord.objects.get().what.startswith("laichau-2023-q1")


def test_it_records_nothing_for_a_refused_download_or_a_page(client_for, leader_sonla, staff_laichau):
    report = make_report(staff_laichau.unit, 2023, 1)
    assert client_for(leader_sonla).get(f"/offline/{report.pk}/template.xlsx").status_code == 403
    client_for(leader_sonla).get(reverse("cum4:home"))
    assert not AccessRecord.objects.exists()


def test_it_records_an_export_from_the_admin(client_for, secretariat):
    url = reverse("admin:cum4_unit_export")
    client_for(secretariat).post(url, {"format": "1", "resource": "0", "unitresource_code": "on"})
    record = AccessRecord.objects.get()
    assert record.action == "export" and record.what.endswith(".xlsx")


def test_it_records_who_changed_a_users_role_and_unit(client_for, secretariat, staff_laichau):
    url = reverse("admin:cum4_user_change", args=[staff_laichau.pk])
    client = client_for(secretariat)
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        groups=[], user_permissions=[], last_login_0="", last_login_1="",
        date_joined_0="2026-01-01", date_joined_1="08:00:00",
    )
    client.post(url, data)  # saved unchanged: nothing to record
    assert not AccessRecord.objects.exists()
    data.update(role="leader", unit=Unit.objects.get(code="sonla").pk)
    response = client.post(url, data)
    assert response.status_code == 302
    record = AccessRecord.objects.get()
    assert record.action == "user_change" and record.user == secretariat
    assert record.what == (
        "laichau.staff: vai trò: cán bộ đơn vị → lãnh đạo đơn vị; "
        "Thanh tra tỉnh: Thanh tra tỉnh Lai Châu → Thanh tra tỉnh Sơn La"
    )
    assert User.objects.get(pk=staff_laichau.pk).role == "leader"


def test_it_lets_the_secretariat_read_and_filter_the_log_but_not_edit_it(client_for, secretariat):
    client = client_for(secretariat)
    client.get("/clusters/cum-iv/2022/report.xlsx?period=year")
    changelist = reverse("admin:cum4_accessrecord_changelist")
    assert "cum-iv-2022-year.xlsx" in client.get(changelist + "?action__exact=download").content.decode()
    assert "cum-iv-2022-year.xlsx" not in client.get(changelist + "?action__exact=export").content.decode()
    record = AccessRecord.objects.get()
    assert client.get(reverse("admin:cum4_accessrecord_add")).status_code == 403
    assert client.get(reverse("admin:cum4_accessrecord_delete", args=[record.pk])).status_code == 403
    change = client.post(reverse("admin:cum4_accessrecord_change", args=[record.pk]), {"what": "x"})
    assert change.status_code == 403
    assert AccessRecord.objects.get().what == "cum-iv-2022-year.xlsx"


@override_settings(ACCESS_LOG_DAYS=30)
def test_it_keeps_the_log_access_log_days(client_for, secretariat):
    old = AccessRecord.objects.create(username="x", action="download", what="old.xlsx")
    AccessRecord.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=31))
    recent = AccessRecord.objects.create(username="x", action="download", what="recent.xlsx")
    AccessRecord.objects.filter(pk=recent.pk).update(at=timezone.now() - dt.timedelta(days=29))
    call_command("purge_access_log")
    assert list(AccessRecord.objects.values_list("what", flat=True)) == ["recent.xlsx"]
    AccessRecord.objects.filter(pk=recent.pk).update(at=timezone.now() - dt.timedelta(days=31))
    client_for(secretariat).get("/clusters/cum-iv/2022/report.xlsx?period=year")  # purges too
    assert list(AccessRecord.objects.values_list("what", flat=True)) == ["cum-iv-2022-year.xlsx"]


def test_downloading_the_staff_register_writes_an_access_log_row(client_for, leader_laichau):
    response = client_for(leader_laichau).get(reverse("emulation:staff_export", args=["laichau"]))
    assert response.status_code == 200
    record = AccessRecord.objects.get()
    assert (record.username, record.action, record.what) == ("laichau.leader", "download", "can-bo-laichau.xlsx")


def _users_export(client) -> openpyxl.Workbook:
    formats = [f().get_title() for f in admin.site._registry[User].get_export_formats()]
    fields = {f"userresource_{name}": "on" for name in
              ("username", "full_name", "email", "role", "unit", "position", "is_active")}
    response = client.post(reverse("admin:cum4_user_export"),
                           {"format": str(formats.index("xlsx")), "resource": "0", **fields})
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _with_changes(book: openpyxl.Workbook, changes: dict[str, dict[str, str]]) -> bytes:
    """The exported workbook with some cells changed: user name → {header: new value}."""
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        for header, value in changes.get(row[0].value, {}).items():
            row[headers.index(header)].value = value
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _preview(client, content: bytes):
    upload = io.BytesIO(content)
    upload.name = "nguoi-dung.xlsx"
    formats = [f().get_title() for f in admin.site._registry[User].get_import_formats()]
    xlsx = str(formats.index("xlsx"))
    response = client.post(reverse("admin:cum4_user_import"),
                           {"resource": "0", "format": xlsx, "import_file": upload})
    return response, xlsx


def _import(client, content: bytes):
    response, xlsx = _preview(client, content)
    form = re.search(rb'name="import_file_name" value="([^"]+)"', response.content)
    assert form, response.content.decode()[:3000]
    return client.post(reverse("admin:cum4_user_process_import"), {
        "import_file_name": form.group(1).decode(), "original_file_name": "nguoi-dung.xlsx",
        "format": xlsx, "resource": "0",
    })


def test_it_records_a_role_changed_by_the_users_excel_import(client_for, secretariat):
    client = client_for(secretariat)
    content = _with_changes(_users_export(client), {
        "laichau.staff": {"Vai trò": "lãnh đạo đơn vị", "Thanh tra tỉnh": "Thanh tra tỉnh Sơn La"},
    })
    AccessRecord.objects.all().delete()  # the export's own row
    response = _import(client, content)
    assert response.status_code in (200, 302)
    record = AccessRecord.objects.get(action="user_change")  # one row: the others unchanged
    assert record.user == secretariat and record.username == "secretariat"
    assert record.what == (
        "laichau.staff: vai trò: cán bộ đơn vị → lãnh đạo đơn vị; "
        "Thanh tra tỉnh: Thanh tra tỉnh Lai Châu → Thanh tra tỉnh Sơn La"
    )
    assert record.path.endswith("/process_import/")
    changed = User.objects.get(username="laichau.staff")
    assert (changed.role, changed.unit.code) == ("leader", "sonla")


def test_it_records_nothing_for_an_unchanged_import_or_a_preview(client_for, secretariat):
    client = client_for(secretariat)
    book = _users_export(client)
    AccessRecord.objects.all().delete()
    _import(client, _with_changes(book, {}))
    assert not AccessRecord.objects.filter(action="user_change").exists()
    # The preview (a dry run) of a change records nothing and changes nothing.
    _preview(client, _with_changes(book, {"laichau.staff": {"Vai trò": "lãnh đạo đơn vị"}}))
    assert not AccessRecord.objects.filter(action="user_change").exists()
    assert User.objects.get(username="laichau.staff").role == "staff"


def test_it_records_nothing_when_the_import_fails(secretariat):
    """One bad row: nothing is imported, so no change is recorded either."""
    from cum4.resources import UserResource

    data = tablib.Dataset(headers=["username", "full_name", "role", "unit", "is_active"])
    data.append(["laichau.staff", "Cán bộ", "leader", "laichau", 1])
    data.append(["sonla.staff", "Cán bộ", "không có vai trò này", "sonla", 1])
    result = UserResource().import_data(data, dry_run=False, user=secretariat)
    assert result.has_validation_errors()
    assert not AccessRecord.objects.exists()
    assert User.objects.get(username="laichau.staff").role == "staff"
