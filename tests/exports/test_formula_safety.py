"""Spreadsheet cells that would run as formulas are exported as inert text (issue 6 item 3).

Both export paths of django-import-export 4.4 are driven: `resource.export()` written as xlsx
(what a management command or a script does) and the admin's export view (what the secretariat
does). The library's own IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT covers only a leading "=".
"""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
from import_export import fields, widgets
from import_export.formats.base_formats import CSV, XLSX

from cum4.models import Unit
from cum4.resources import UnitResource

PAYLOADS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def hostile_units(db) -> list[Unit]:
    return [
        Unit.objects.create(code=f"x{index}", name=payload, province=payload, legal_basis="-")
        for index, payload in enumerate(PAYLOADS)
    ]


def _cells_by_name(workbook_bytes: bytes) -> dict[str, openpyxl.cell.Cell]:
    sheet = openpyxl.load_workbook(io.BytesIO(workbook_bytes)).active
    header = [cell.value for cell in sheet[1]]
    column = header.index("Tên")  # the unit's name, under its Vietnamese header
    # Only the hostile rows (the demo's own units may be in the table too).
    return {
        row[column].value: row[column]
        for row in sheet.iter_rows(min_row=2)
        if str(row[column].value).startswith("'")
    }


def _assert_inert(cells: dict) -> None:
    assert len(cells) == len(PAYLOADS)
    for payload in PAYLOADS:
        cell = cells["'" + payload]
        assert cell.data_type == "s", (payload, cell.data_type)


def test_it_exports_formula_like_text_as_inert_strings_through_resource_export(hostile_units):
    dataset = UnitResource().export()
    _assert_inert(_cells_by_name(XLSX().export_data(dataset)))


def test_it_keeps_numbers_as_numbers_in_xlsx(hostile_units):
    dataset = UnitResource().export(force_native_type=True)
    sheet = openpyxl.load_workbook(io.BytesIO(XLSX().export_data(dataset))).active
    header = [cell.value for cell in sheet[1]]
    # A boolean stays a boolean (the neutralisation touches only text).
    remote = sheet.cell(row=2, column=header.index("Vùng sâu, vùng xa") + 1)
    assert remote.data_type == "b"


def test_it_leaves_negative_numbers_as_numbers(db):
    """A number widget's text ("-1") is a number, not a formula: no apostrophe."""

    class SignedResource(UnitResource):
        delta = fields.Field(attribute="delta", column_name="delta", widget=widgets.IntegerWidget())

        class Meta(UnitResource.Meta):
            fields = [*UnitResource.Meta.fields, "delta"]

    unit = Unit(code="signed", name="Signed", province="-")
    unit.delta = -1
    row = SignedResource().export(queryset=[unit]).dict[0]
    assert row["delta"] == "-1"
    assert row["Tỉnh"] == "'-"  # the province, under its Vietnamese header


def test_it_neutralises_csv_cells_too(hostile_units):
    text = CSV().export_data(UnitResource().export())
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["Tên"] for row in rows} == {"'" + payload for payload in PAYLOADS}


def test_it_exports_formula_like_text_as_inert_strings_through_the_admin(
    hostile_units, client_for, secretariat
):
    client = client_for(secretariat)
    page = client.get("/admin/cum4/unit/export/").content.decode()
    formats = {
        label.strip().lower(): value
        for value, label in re.findall(r'<option value="(\d+)"[^>]*>\s*([^<]+?)\s*</option>', page)
    }
    fields = set(re.findall(r'name="(unitresource_[a-z_]+)"', page))
    assert fields, "the export form lists the resource's fields"
    response = client.post(
        "/admin/cum4/unit/export/",
        {"format": formats["xlsx"], "resource": "0", **dict.fromkeys(fields, "on")},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    _assert_inert(_cells_by_name(response.content))


def test_it_strips_the_neutralising_apostrophe_on_import(hostile_units):
    """An exported file imports back to the original text, not to "'=1+1"."""
    resource = UnitResource()
    dataset = resource.export()
    Unit.objects.filter(code__startswith="x").update(name="changed")
    result = resource.import_data(dataset, dry_run=False, raise_errors=True)
    assert not result.has_errors()
    assert sorted(Unit.objects.filter(code__startswith="x").values_list("name", flat=True)) == sorted(
        PAYLOADS
    )
