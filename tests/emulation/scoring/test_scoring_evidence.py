"""Evidence files: size and type (extension AND content) checked with a clear message; only
the unit, the lead (and the assigned reviewer) and the secretariat download them."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from emulation.scoring.models import CrossReview, ScoreEvidence
from tests.emulation.scoring_fixtures import leader_of, set_phase, staff_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def upload(client_for, cluster_2022, scoring_table):
    set_phase(cluster_2022, "self")
    url = reverse("emulation:evidence_upload",
                  args=["cum-iv", 2022, "laichau", scoring_table["a"].pk])

    def send(name: str, content: bytes, user=None):
        client = client_for(user or staff_of("laichau"))
        return client.post(url, {"file": SimpleUploadedFile(name, content)})

    return send


def test_it_accepts_a_pdf_and_a_word_document(upload):
    assert upload("bien-ban.pdf", PDF).status_code == 302
    assert upload("bao-cao.docx", _docx()).status_code == 302
    assert sorted(ScoreEvidence.objects.values_list("original_name", flat=True)) == [
        "bao-cao.docx", "bien-ban.pdf"]


@override_settings(EVIDENCE_MAX_BYTES=1024)
def test_it_refuses_a_file_over_the_size_limit(upload):
    response = upload("lon.pdf", PDF + b"0" * 2048)
    assert response.status_code == 400
    body = response.content.decode()
    assert "lon.pdf" in body and ("MB" in body)
    assert not ScoreEvidence.objects.exists()


def test_it_refuses_a_refused_type(upload):
    response = upload("chay.exe", b"MZ\x90\x00")
    assert response.status_code == 400
    assert "chay.exe" in response.content.decode()
    assert not ScoreEvidence.objects.exists()


def test_it_refuses_content_that_does_not_match_the_extension(upload):
    response = upload("gia-mao.pdf", b"#!/bin/sh\nrm -rf /\n")
    assert response.status_code == 400
    assert "gia-mao.pdf" in response.content.decode()
    assert upload("gia-mao.docx", b"PK\x03\x04not a zip").status_code == 400
    assert not ScoreEvidence.objects.exists()


def test_it_refuses_uploads_from_another_unit_and_after_self_scoring(upload, cluster_2022):
    assert upload("x.pdf", PDF, user=staff_of("sonla")).status_code == 403
    set_phase(cluster_2022, "review")
    assert upload("x.pdf", PDF).status_code == 400
    assert not ScoreEvidence.objects.exists()


def test_it_lets_only_the_unit_the_lead_and_the_secretariat_download(
        upload, client_for, lead_2022, secretariat, viewer, cluster_2022, unit):
    upload("bien-ban.pdf", PDF)
    evidence = ScoreEvidence.objects.get()
    url = reverse("emulation:evidence_download", args=[evidence.pk])
    for user in (staff_of("laichau"), leader_of("laichau"), lead_2022, secretariat):
        response = client_for(user).get(url)
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content) == PDF
    for user in (staff_of("sonla"), leader_of("caobang"), viewer):
        assert client_for(user).get(url).status_code == 403, user
    # Even once the review is closed other units do not download it.
    set_phase(cluster_2022, "vote")
    assert client_for(staff_of("sonla")).get(url).status_code == 403
    # The peer unit the lead assigns to review Lai Châu needs it to judge the score.
    CrossReview.objects.create(cluster_year=cluster_2022, unit=unit("laichau"),
                               reviewer=unit("sonla"))
    assert client_for(staff_of("sonla")).get(url).status_code == 200
