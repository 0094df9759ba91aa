"""The whole dossier as one zip: each component in Word (and PDF when LibreOffice is
installed), the signed copies, and the table of contents in Excel with Vietnamese headers."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from emulation.dossier import services
from emulation.dossier.models import Component
from tests.emulation.dossier.conftest import component_of

pytestmark = pytest.mark.django_db

ZIP = reverse("emulation:dossier_zip", args=["cum-iv", 2022])
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _zip(client) -> zipfile.ZipFile:
    response = client.get(ZIP)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_it_zips_each_component_in_word_with_the_table_of_contents_and_says_why_no_pdf(
        client_for, dossier_2022, lead_2022, monkeypatch, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("emulation.dossier.pdf.soffice_path", lambda: None)
    minutes = component_of(dossier_2022.cluster_year, "minutes")
    services.component_write(component=minutes, written={}, by=lead_2022)
    services.component_freeze(component=minutes, number="24", issued_on=dt.date(2022, 12, 9),
                              by=lead_2022)
    services.signed_copy_upload(component=minutes, by=lead_2022, upload=SimpleUploadedFile(
        "bien-ban-ky.pdf", PDF_BYTES, content_type="application/pdf"))
    archive = _zip(client_for(lead_2022))
    names = archive.namelist()
    words = [name for name in names if name.startswith("word/")]
    assert len(words) == Component.objects.filter(dossier__cluster_year=dossier_2022.cluster_year).count() == 8
    assert not [name for name in names if name.startswith("pdf/")]
    assert [name for name in names if name.startswith("ban-ky/")] == [
        next(n for n in names if n.startswith("ban-ky/") and n.endswith("bien-ban-ky.pdf"))]
    for name in words:
        Document(io.BytesIO(archive.read(name)))  # each opens as a Word document
    sheet = load_workbook(io.BytesIO(archive.read("Muc-luc.xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[2][:6] == ("STT", "Thành phần hồ sơ", "Tập thể", "Số, ký hiệu", "Ngày văn bản",
                           "Trạng thái")
    minutes_row = next(r for r in rows[3:] if r[1] == "Biên bản họp bình xét, suy tôn")
    assert minutes_row[3:6] == ("24/BB-CTĐ", "09/12/2022", "Đã chốt, có bản ký")
    assert any(r and r[0] and "chưa cài LibreOffice" in str(r[0]) for r in rows)


def test_a_signed_copy_is_checked_like_evidence(dossier_2022, lead_2022, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    minutes = component_of(dossier_2022.cluster_year, "minutes")
    services.component_write(component=minutes, written={}, by=lead_2022)
    services.component_freeze(component=minutes, number="24", issued_on=dt.date(2022, 12, 9),
                              by=lead_2022)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.signed_copy_upload(component=minutes, by=lead_2022, upload=SimpleUploadedFile(
            "scan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"))


def _libreoffice() -> str | None:
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        if os.environ.get("LIBREOFFICE_TESTS") == "1":
            pytest.fail("LIBREOFFICE_TESTS=1 but soffice/libreoffice is not on PATH")
        pytest.skip("LibreOffice is not installed")
    return binary


def test_it_adds_a_pdf_of_each_component_and_each_word_file_opens_in_libreoffice(
        client_for, dossier_2022, lead_2022, tmp_path):
    binary = _libreoffice()
    archive = _zip(client_for(lead_2022))
    words = sorted(name for name in archive.namelist() if name.startswith("word/"))
    pdfs = sorted(name for name in archive.namelist() if name.startswith("pdf/"))
    assert [name[5:-5] for name in words] == [name[4:-4] for name in pdfs]
    assert all(archive.read(name).startswith(b"%PDF") for name in pdfs)
    # Each Word file, opened by LibreOffice, converts to text without an error.
    paths = []
    for name in words:
        paths.append(tmp_path / name.split("/")[-1])
        paths[-1].write_bytes(archive.read(name))
    result = subprocess.run(
        [binary, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "txt:Text", "--outdir", str(tmp_path / "txt"), *map(str, paths)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for path in paths:
        assert (tmp_path / "txt" / (path.stem + ".txt")).read_text(encoding="utf-8-sig").strip()
    toc = load_workbook(io.BytesIO(archive.read("Muc-luc.xlsx"))).active
    assert all(row[7] for row in list(toc.iter_rows(values_only=True))[3:] if row[0])
