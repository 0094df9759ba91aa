"""Offline entry (issue 6 item 4): template download, upload, preview, all-or-nothing confirm."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from cum4.models import Unit
from cum4.reports.models import QuarterlyReport
from cum4.reports.selectors import flatten, report_values
from tests.exports.conftest import approve_quarter, make_report_data


def _figures(code: str) -> dict[str, int]:
    data = make_report_data(ranking=False)
    return next(entry["figures"] for entry in data["units"] if entry["unit"] == code)


def _draft(unit: Unit, quarter: int = 1) -> QuarterlyReport:
    report = approve_quarter(unit, 2022, quarter, _figures(unit.code))
    QuarterlyReport.objects.filter(pk=report.pk).update(
        state=QuarterlyReport.State.DRAFT, submitted_at=None, approved_at=None
    )
    report.refresh_from_db()
    return report


@pytest.fixture
def draft_laichau(core):
    return _draft(Unit.objects.get(code="laichau"))


def _download(client, report) -> openpyxl.Workbook:
    response = client.get(f"/offline/{report.pk}/template.xlsx")
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _rows_by_code(sheet) -> dict[str, int]:
    return {
        sheet.cell(row=row, column=4).value: row
        for row in range(5, sheet.max_row + 1)
        if sheet.cell(row=row, column=1).value and not sheet.cell(row=row, column=1).value.startswith("D-denunciation")
    }


def _upload(client, report, book: openpyxl.Workbook):
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "mau.xlsx"
    return client.post(f"/offline/{report.pk}/upload/", {"file": buffer})


@pytest.mark.django_db
def test_it_downloads_a_prefilled_protected_template(draft_laichau, client_for, staff_laichau):
    book = _download(client_for(staff_laichau), draft_laichau)
    sheet = book.worksheets[0]
    rows = _rows_by_code(sheet)
    assert sheet.cell(row=rows["insp_new"], column=7).value == _figures("laichau")["insp_new"]
    assert sheet.cell(row=rows["insp_new"], column=5).value  # the label
    assert sheet.cell(row=rows["insp_new"], column=6).value == "cuộc"
    assert sheet.protection.sheet
    assert not sheet.cell(row=rows["insp_new"], column=7).protection.locked
    assert sheet.cell(row=rows["insp_new"], column=4).protection.locked
    meta = book["_meta"]
    assert meta.sheet_state == "veryHidden"
    values = {row[0]: row[1] for row in meta.iter_rows(values_only=True)}
    assert (values["unit"], values["year"], values["quarter"]) == ("laichau", 2022, 1)
    assert values["version"] == draft_laichau.version


@pytest.mark.django_db
def test_it_previews_exactly_the_changes_and_applies_them_on_confirm(
    draft_laichau, client_for, staff_laichau
):
    client = client_for(staff_laichau)
    book = _download(client, draft_laichau)
    sheet = book.worksheets[0]
    rows = _rows_by_code(sheet)
    sheet.cell(row=rows["crowd_delegations"], column=7).value = 99
    sheet.cell(row=rows["leader_reception_sessions"], column=7).value = 123
    html = _upload(client, draft_laichau, book).content.decode()
    changed = re.findall(r'<tr data-key="([^"]+)">', html)
    assert changed == ["B-crowd_delegations", "B-leader_reception_sessions"]
    assert "Dòng" in html and str(rows["crowd_delegations"]) in html
    assert flatten(report_values(draft_laichau))["crowd_delegations"] != 99  # nothing saved yet

    response = client.post(f"/offline/{draft_laichau.pk}/confirm/")
    assert response.status_code == 302
    saved = flatten(report_values(draft_laichau))
    assert (saved["crowd_delegations"], saved["leader_reception_sessions"]) == (99, 123)


@pytest.mark.django_db
def test_it_applies_nothing_from_a_template_with_a_rule_error_and_names_the_row(
    draft_laichau, client_for, staff_laichau
):
    client = client_for(staff_laichau)
    book = _download(client, draft_laichau)
    sheet = book.worksheets[0]
    rows = _rows_by_code(sheet)
    sheet.cell(row=rows["crowd_delegations"], column=7).value = 99
    planned = sheet.cell(row=rows["insp_planned"], column=7)
    planned.value = planned.value + 5  # planned + unplanned ≠ started: an error
    html = _upload(client, draft_laichau, book).content.decode()
    errors = re.search(r'data-testid="row-errors">(.*?)</div>', html, re.S).group(1)
    assert str(rows["insp_planned"]) in errors
    assert 'data-testid="confirm"' not in html
    before = flatten(report_values(draft_laichau))
    client.post(f"/offline/{draft_laichau.pk}/confirm/")
    assert flatten(report_values(draft_laichau)) == before


@pytest.mark.django_db
def test_it_refuses_another_units_template_by_name(
    draft_laichau, client_for, staff_laichau, unit
):
    sonla_report = _draft(unit("sonla"))
    sonla_staff = unit("sonla").users.get(role="staff")
    book = _download(client_for(sonla_staff), sonla_report)
    html = _upload(client_for(staff_laichau), draft_laichau, book).content.decode()
    error = re.search(r'data-testid="upload-error">([^<]*)<', html).group(1)
    assert "Thanh tra tỉnh Sơn La" in error and "Thanh tra tỉnh Lai Châu" in error
    assert 'data-testid="changes"' not in html


@pytest.mark.django_db
def test_it_refuses_another_quarters_template_by_name(draft_laichau, client_for, staff_laichau):
    client = client_for(staff_laichau)
    q2 = _draft(draft_laichau.unit, quarter=2)
    html = _upload(client, draft_laichau, _download(client, q2)).content.decode()
    error = re.search(r'data-testid="upload-error">([^<]*)<', html).group(1)
    assert "quý II năm 2022" in error and "quý I năm 2022" in error


@pytest.mark.django_db
def test_it_refuses_an_upload_to_an_approved_report(draft_laichau, client_for, staff_laichau):
    client = client_for(staff_laichau)
    book = _download(client, draft_laichau)
    QuarterlyReport.objects.filter(pk=draft_laichau.pk).update(
        state=QuarterlyReport.State.APPROVED, submitted_at="2022-03-17T00:00Z",
        approved_at="2022-03-20T00:00Z",
    )
    html = _upload(client, draft_laichau, book).content.decode()
    assert "đã được phê duyệt" in re.search(r'data-testid="upload-error">([^<]*)<', html).group(1)


@pytest.mark.django_db
def test_it_keeps_the_template_to_the_units_own_people(draft_laichau, client_for, leader_sonla):
    assert client_for(leader_sonla).get(f"/offline/{draft_laichau.pk}/template.xlsx").status_code == 403


@pytest.mark.django_db
def test_it_converts_the_template_with_libreoffice(draft_laichau, client_for, staff_laichau, tmp_path):
    from tests.exports.conftest import UTF8_CSV, convert_with_libreoffice

    response = client_for(staff_laichau).get(f"/offline/{draft_laichau.pk}/template.xlsx")
    path = tmp_path / "template.xlsx"
    path.write_bytes(response.content)
    assert "insp_new" in convert_with_libreoffice(path, UTF8_CSV).read_text(encoding="utf-8")
