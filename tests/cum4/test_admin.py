from __future__ import annotations

import io

import openpyxl
import pytest
from django.contrib import admin
from django.urls import reverse
from import_export.admin import ExportMixin, ImportMixin

from cum4.models import Cluster, ClusterYear, Membership, QuarterWindow, Unit, User

pytestmark = pytest.mark.django_db


def _admin_url(model, view: str) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")


def test_it_renders_every_admin_changelist_and_add_form(client_for, secretariat):
    client = client_for(secretariat)
    for model, model_admin in admin.site._registry.items():
        assert client.get(_admin_url(model, "changelist")).status_code == 200, model
        if model_admin.has_add_permission(type("R", (), {"user": secretariat})()):
            assert client.get(_admin_url(model, "add")).status_code == 200, model


def test_it_offers_excel_import_and_export_on_every_core_model(client_for, secretariat):
    client = client_for(secretariat)
    for model in (Unit, Cluster, ClusterYear, Membership, QuarterWindow, User):
        model_admin = admin.site._registry[model]
        assert isinstance(model_admin, ExportMixin) and isinstance(model_admin, ImportMixin), model
        assert client.get(_admin_url(model, "export")).status_code == 200, model
        assert client.get(_admin_url(model, "import")).status_code == 200, model


def test_it_exports_units_to_xlsx_with_their_codes_under_vietnamese_headers(client_for, secretariat):
    response = client_for(secretariat).post(
        _admin_url(Unit, "export"),
        {"format": "1", "resource": "0", **{f"unitresource_{f}": "on" for f in ("code", "name", "successor")}},
    )
    assert response.status_code == 200, response.content[:500]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    # Issue 14 item 4: Vietnamese headers, the successor by name; the unit's own code stays.
    assert rows[0][:3] == ("Mã", "Tên", "Đơn vị kế thừa")
    assert ("hagiang", "Thanh tra tỉnh Hà Giang", "Thanh tra tỉnh Tuyên Quang") in [r[:3] for r in rows[1:]]


def test_it_refuses_the_admin_to_unit_staff(client_for, staff_laichau):
    response = client_for(staff_laichau).get(_admin_url(Unit, "changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
