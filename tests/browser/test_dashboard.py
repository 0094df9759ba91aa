"""The lead opens the cluster dashboard, switches the year and downloads the workbook."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from cum4.models import Unit
from tests.exports.conftest import SEED_TOTALS, approve_year
from tests.exports.factories import bulk_approved_reports

pytestmark = pytest.mark.browser


@pytest.fixture
def two_years(transactional_db, core):
    units = {unit.code: unit for unit in Unit.objects.all()}
    approve_year(units, 2022)
    # 2023: the same members, each with the whole seed year (so the totals are 7 × the seed).
    bulk_approved_reports(
        [units[code] for code in ("caobang", "dienbien", "hagiang", "laichau", "langson",
                                  "laocai", "sonla")],
        [2023], SEED_TOTALS,
    )


def test_it_lets_the_lead_switch_the_year_and_download_the_workbook(two_years, page, login):
    login("langson.leader")
    page.goto("/clusters/cum-iv/2022/dashboard/")
    assert page.get_by_test_id("tile-insp_total").inner_text() == "1.902"
    assert page.get_by_test_id("tile-resolution_rate").inner_text() == "88,4%"
    assert page.locator("#chart-units").is_visible()

    page.get_by_test_id("year-select").select_option(label="2023")
    page.wait_for_url("**/clusters/cum-iv/2023/dashboard/**")
    assert page.get_by_test_id("tile-insp_total").inner_text() == "13.314"

    with page.expect_download() as download_info:
        page.get_by_test_id("download-xlsx").click()
    download = download_info.value
    assert download.suggested_filename == "cum-iv-2023-year.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    totals = {row[1].value: row[4].value for row in book.worksheets[0].iter_rows(min_row=5)}
    assert totals["insp_total"] == 7 * 1902
