"""Excel round trip of the staff register; imports are all or nothing and name bad rows."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from emulation.staff.models import StaffAssignment, StaffMember, YearlyRating
from emulation.staff.workbook import staff_export_xlsx, staff_import_xlsx


def _workbook(sheets: dict[str, list[list]]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("staff.xlsx", buffer.getvalue())


STAFF_HEADER = ["code", "full_name", "birth_year", "unit", "position", "leadership_level", "start"]


def test_it_imports_people_and_ratings_from_a_workbook(records, unit, staff_laichau):
    upload = _workbook({
        "staff": [STAFF_HEADER,
                  ["lc-001", "Lò Văn Mạnh", 1980, "laichau", "Chánh Thanh tra", "department",
                   "01/01/2020"],
                  ["lc-002", "Tòng Thị Hoa", 1990, "laichau", "Thanh tra viên", "staff",
                   "2021-03-01"]],
        "ratings": [["staff_member", "year", "unit", "rating"],
                    ["lc-001", 2024, "laichau", "excellent"],
                    ["lc-002", 2024, "laichau", "good"]],
    })
    errors, count = staff_import_xlsx(unit=unit("laichau"), upload=upload, by=staff_laichau)
    assert errors == []
    assert count == 4
    assert StaffAssignment.objects.get(staff_member__code="lc-001").leadership_level == "department"
    assert YearlyRating.objects.get(staff_member__code="lc-002", year=2024).rating == "good"


def test_it_imports_nothing_and_names_every_bad_row(records, unit, staff_laichau):
    upload = _workbook({
        "staff": [STAFF_HEADER,
                  ["lc-001", "Lò Văn Mạnh", 1980, "laichau", "Chánh Thanh tra", "department",
                   "01/01/2020"],
                  ["lc-002", "Tòng Thị Hoa", 1990, "laichau", "Thanh tra viên", "boss",
                   "2021-03-01"]],
        "ratings": [["staff_member", "year", "unit", "rating"],
                    ["lc-001", 2024, "laichau", "brilliant"],
                    ["lc-999", 2024, "laichau", "good"]],
    })
    errors, count = staff_import_xlsx(unit=unit("laichau"), upload=upload, by=staff_laichau)
    assert count == 0
    assert StaffMember.objects.count() == 0
    joined = "\n".join(errors)
    assert "staff" in joined and "3" in errors[0]
    assert any("ratings" in e and "2" in e and "brilliant" in e for e in errors), errors
    assert any("ratings" in e and "lc-999" in e for e in errors), errors


def test_it_refuses_to_import_another_units_staff(records, unit, staff_laichau):
    upload = _workbook({
        "staff": [STAFF_HEADER,
                  ["sl-001", "Cầm Văn Sơn", 1980, "sonla", "Thanh tra viên", "staff", "01/01/2020"]],
    })
    errors, _count = staff_import_xlsx(unit=unit("laichau"), upload=upload, by=staff_laichau)
    assert errors and StaffMember.objects.count() == 0


def test_it_exports_what_it_imports(records, unit, staff_laichau):
    laichau = unit("laichau")
    person = records.person(laichau, name="Lò Văn Mạnh")
    records.rate(person, 2024, "excellent")
    buffer = io.BytesIO()
    staff_export_xlsx(unit=laichau, output=buffer)
    buffer.seek(0)
    book = openpyxl.load_workbook(buffer)
    # Read by people (issue 14): Vietnamese sheet names and headers, the unit by its name.
    assert book.sheetnames == ["Cán bộ", "Xếp loại hằng năm", "Kỷ luật", "Sáng kiến"]
    staff_rows = list(book["Cán bộ"].values)
    assert staff_rows[0][:4] == ("Mã cán bộ", "Họ và tên", "Năm sinh", "Thanh tra tỉnh")
    assert staff_rows[1][1] == "Lò Văn Mạnh" and staff_rows[1][3] == laichau.name
    buffer.seek(0)
    errors, _count = staff_import_xlsx(
        unit=laichau, upload=SimpleUploadedFile("x.xlsx", buffer.getvalue()), by=staff_laichau
    )
    assert errors == []
    assert StaffMember.objects.count() == 1
    assert StaffAssignment.objects.count() == 1
