"""The offline template cannot mislead (issue 14 item 5): what it shows, how text numbers are
read back, where errors are listed and how a stale file is caught at preview."""

from __future__ import annotations

import re

import pytest

from cum4.exports.offline import whole_number as _whole_number
from cum4.reports.selectors import flatten, report_values
from cum4.reports.services import report_save
from tests.exports.test_offline_entry import _download, _rows_by_code, _upload, draft_laichau  # noqa: F401


@pytest.mark.django_db
def test_it_shows_title_instructions_and_version_with_codes_hidden(
    draft_laichau, client_for, staff_laichau  # noqa: F811
):
    sheet = _download(client_for(staff_laichau), draft_laichau).worksheets[0]
    top = [sheet.cell(row=row, column=2).value or "" for row in range(1, 7)]
    assert "THANH TRA TỈNH LAI CHÂU" in top[0] and "QUÝ I NĂM 2022" in top[0]
    assert any("1.234.567" in line for line in top)
    assert any("cum4-quarter-2" in line and f"phiên bản báo cáo {draft_laichau.version}" in line
               for line in top)
    assert sheet.column_dimensions["A"].hidden and sheet.column_dimensions["D"].hidden
    assert not sheet.column_dimensions["E"].hidden


@pytest.mark.django_db
def test_it_says_complaint_or_denunciation_on_section_d_rows(
    draft_laichau, client_for, staff_laichau  # noqa: F811
):
    sheet = _download(client_for(staff_laichau), draft_laichau).worksheets[0]
    labels = {
        sheet.cell(row=row, column=1).value: sheet.cell(row=row, column=5).value
        for row in range(1, sheet.max_row + 1)
    }
    assert labels["D-complaint-cases_resolved"].startswith("Khiếu nại: ")
    assert labels["D-denunciation-cases_resolved"].startswith("Tố cáo: ")


@pytest.mark.django_db
def test_it_prompts_every_value_cell_and_checks_the_rules_as_the_user_types(
    draft_laichau, client_for, staff_laichau  # noqa: F811
):
    sheet = _download(client_for(staff_laichau), draft_laichau).worksheets[0]
    rows = _rows_by_code(sheet)
    prompted = {
        str(cell_range): validation.prompt
        for validation in sheet.data_validations.dataValidation
        for cell_range in validation.sqref.ranges
    }
    cell = f"G{rows['insp_planned']}"
    assert "trong đó: theo kế hoạch" in prompted[cell] and "cuộc" in prompted[cell]
    assert len(prompted) == sum(
        1 for row in range(1, sheet.max_row + 1) if sheet.cell(row=row, column=1).value
        and "-" in str(sheet.cell(row=row, column=1).value)
    )
    # planned + unplanned = started (indicators.md), as a formula on the three cells.
    formulas = {
        str(ranges): [rule.formula[0] for rule in rules]
        for ranges, rules in sheet.conditional_formatting._cf_rules.items()
    }
    planned = next(f for key, f in formulas.items() if cell in key)
    expected = f"G{rows['insp_planned']}+G{rows['insp_unplanned']}=G{rows['insp_new']}"
    assert any(expected in formula for formula in planned)
    check = sheet.cell(row=rows["insp_planned"], column=8).value
    assert check.startswith("=IF(") and expected in check


def test_it_reads_a_text_number_only_when_it_is_unambiguous():
    assert _whole_number("1.234.567") == (1234567, "")
    assert _whole_number("1234567") == (1234567, "")
    assert _whole_number(" 12 ") == (12, "")
    for ambiguous in ("1.5", "1,5", "12.5", "1.2345", "1,234", "1 234", "-3"):
        value, error = _whole_number(ambiguous)
        assert value is None and error, ambiguous
    assert _whole_number(1.5)[0] is None


@pytest.mark.django_db
def test_it_refuses_1_5_in_a_count_naming_the_cell_label_and_value_above_the_preview(
    draft_laichau, client_for, staff_laichau  # noqa: F811
):
    client = client_for(staff_laichau)
    book = _download(client, draft_laichau)
    sheet = book.worksheets[0]
    rows = _rows_by_code(sheet)
    sheet.cell(row=rows["crowd_delegations"], column=7).value = "1.5"
    sheet.cell(row=rows["reception_cases"], column=7).value = "1.234"
    html = _upload(client, draft_laichau, book).content.decode()
    errors = re.search(r'data-testid="row-errors">(.*?)</div>', html, re.S).group(1)
    cell = f"G{rows['crowd_delegations']}"
    assert f'data-cell="{cell}"' in errors
    item = re.search(rf'data-cell="{cell}">([^<]*)<', errors).group(1)
    assert f"Ô {cell}" in item and "Số đoàn đông người" in item and "“1.5”" in item
    assert html.index('data-testid="row-errors"') < html.index('data-testid="changes"')
    assert 'data-testid="confirm"' not in html
    assert flatten(report_values(draft_laichau))["crowd_delegations"] != 15


@pytest.mark.django_db
def test_it_refuses_a_stale_template_at_preview_with_the_values_saved_since(
    draft_laichau, client_for, staff_laichau  # noqa: F811
):
    client = client_for(staff_laichau)
    book = _download(client, draft_laichau)
    sheet = book.worksheets[0]
    rows = _rows_by_code(sheet)
    sheet.cell(row=rows["leader_reception_sessions"], column=7).value = 77
    # Someone saves the report after the download.
    values = report_values(draft_laichau)
    before = values["B"][""]["crowd_delegations"]
    values["B"][""]["crowd_delegations"] = before + 10
    report_save(report=draft_laichau, values=values, version=draft_laichau.version, by=staff_laichau)

    html = _upload(client, draft_laichau, book).content.decode()
    stale = re.search(r'data-testid="stale">(.*?)</div>', html, re.S).group(1)
    assert "tệp bị từ chối" in stale
    row = re.search(r"<tr><td>(G\d+)</td><td>([^<]*)</td>(.*?)</tr>", stale, re.S)
    assert row.group(1) == f"G{rows['crowd_delegations']}"
    assert "Số đoàn đông người" in row.group(2)
    cells = re.findall(r'<td class="num">([^<]*)</td>', row.group(3))
    assert cells == [str(before), str(before + 10), str(before)]
    assert 'data-testid="confirm"' not in html
