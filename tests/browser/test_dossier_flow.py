"""End to end: the 2025 lead opens the dossier, a proposed unit writes its achievement report,
the lead freezes it and downloads the whole dossier."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from playwright.sync_api import expect

from cum4.models import ClusterYear
from tests.emulation.dossier.conftest import finalise_year

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOSSIER = "/emulation/dossier/cum-iv/2025/"


def _switch(page, login, username: str) -> None:
    page.context.clear_cookies()
    login(username)


def test_the_lead_opens_the_2025_dossier_a_unit_writes_and_the_lead_freezes_and_downloads(
        page, login, core, monkeypatch):
    monkeypatch.setattr("emulation.dossier.pdf.soffice_path", lambda: None)  # Word only here
    finalise_year(ClusterYear.objects.get(year=2025), first="dienbien", merit=("laocai", "caobang"))

    # 1. The lead (Điện Biên in 2025) opens the dossier: the checklist lists every piece.
    login("dienbien.leader")
    page.goto(DOSSIER)
    with page.expect_navigation():
        page.click("[data-testid=dossier-open]")
    report_row = page.locator("[data-testid=component-laocai-achievement]")
    expect(report_row.locator("[data-testid=state]")).to_contain_text("chưa có")

    # 2. Lào Cai writes its achievement report in the browser.
    _switch(page, login, "laocai.staff")
    page.goto(DOSSIER)
    expect(page.locator("[data-testid=component-caobang-achievement]")).to_have_count(0)
    with page.expect_navigation():
        page.click("[data-testid=component-laocai-achievement] a")
    page.fill("textarea[name=profile]", "Trụ sở tại phường Cốc Lếu, tỉnh Lào Cai.")
    page.fill("textarea[name=measures]", "Số hóa hồ sơ thanh tra.")
    with page.expect_navigation():
        page.click("[data-testid=save-written]")
    expect(page.locator("[data-testid=preview]")).to_contain_text("phường Cốc Lếu")
    assert page.locator("[data-testid=freeze-form]").count() == 0  # the unit does not freeze

    # 3. The lead freezes it with its number and date, then downloads the zip.
    _switch(page, login, "dienbien.leader")
    page.goto(DOSSIER)
    expect(page.locator("[data-testid=component-laocai-achievement] [data-testid=state]")
           ).to_contain_text("dự thảo")
    with page.expect_navigation():
        page.click("[data-testid=component-laocai-achievement] a")
    page.fill("[data-testid=freeze-form] input[name=number]", "131")
    page.fill("[data-testid=freeze-form] input[name=issued_on]", "2025-12-12")
    with page.expect_navigation():
        page.click("[data-testid=freeze]")
    expect(page.locator("[data-testid=frozen-number]")).to_contain_text("131/BC-TTr")
    assert page.locator("[data-testid=written-form]").count() == 0
    page.goto(DOSSIER)
    with page.expect_download() as download_info:
        page.click("[data-testid=dossier-zip]")
    archive = zipfile.ZipFile(io.BytesIO(download_info.value.path().read_bytes()))
    name = next(n for n in archive.namelist() if n.endswith("laocai-achievement.docx"))
    text = "\n".join(p.text for p in Document(io.BytesIO(archive.read(name))).paragraphs)
    assert "phường Cốc Lếu" in text and "Số: 131/BC-TTr" in "\n".join(
        cell.text for table in Document(io.BytesIO(archive.read(name))).tables
        for row in table.rows for cell in row.cells)
    assert "Muc-luc.xlsx" in archive.namelist()
