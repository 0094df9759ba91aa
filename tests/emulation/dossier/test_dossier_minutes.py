"""The cluster's pieces from the scoring records: the minutes carry the vote and the ranking
exactly as the scoring pages show them; the tờ trình lists the proposals."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from docx import Document

from emulation.dossier import content, word
from tests.emulation.dossier.conftest import component_of

pytestmark = pytest.mark.django_db


def _rows(html: str, table_testid: str) -> list[list[str]]:
    """The body rows of a page's table, as the cells' text."""
    table = re.search(rf'data-testid="{table_testid}".*?<tbody>(.*?)</tbody>', html, re.S).group(1)
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)]


def _docx_tables(data: bytes) -> list[list[list[str]]]:
    document = Document(io.BytesIO(data))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def test_it_writes_the_2022_minutes_with_the_vote_and_ranking_the_scoring_pages_show(
        client_for, dossier_2022, lead_2022):
    cluster_year = dossier_2022.cluster_year
    client = client_for(lead_2022)
    vote_page = client.get(reverse("emulation:vote", args=["cum-iv", 2022]))
    ranking_page = client.get(reverse("emulation:ranking", args=["cum-iv", 2022]))
    tally_on_page = _rows(vote_page.content.decode(), "vote-results")
    ranking_on_page = [row[:3] + row[-1:] for row in _rows(ranking_page.content.decode(), "ranking")]
    result = vote_page.context["result"]

    minutes = content.assemble(component_of(cluster_year, "minutes"))
    tables = _docx_tables(word.component_docx(minutes))
    tally_in_minutes = [row[1:] for row in next(t for t in tables if t[0][1] == "Đơn vị được đề cử")[1:]]
    ranking_in_minutes = next(t for t in tables if t[0][0] == "Hạng")[1:]

    assert tally_in_minutes == tally_on_page  # unit, ballots, share: 6 and 86% for Lạng Sơn
    assert tally_in_minutes[0] == ["Thanh tra tỉnh Lạng Sơn", "6", "86%"]
    assert ranking_in_minutes == ranking_on_page  # rank, unit, total, ballots
    assert minutes["vote"]["members"] == str(len(result.members)) == "7"
    assert minutes["vote"]["ballots"] == str(len(result.voted_unit_ids)) == "7"
    assert (minutes["vote"]["threshold"], minutes["vote"]["needed"]) == ("80", str(result.needed))
    text = "\n".join(p.text for p in Document(io.BytesIO(word.component_docx(minutes))).paragraphs)
    assert f"Ngưỡng suy tôn: 80% tổng số thành viên ({result.needed}/7 phiếu)" in text
    assert "Thanh tra tỉnh Lạng Sơn đạt 6/7 phiếu (86%)" in minutes["text"]["conclusion"]


def test_it_lists_each_proposal_with_its_form_score_rank_and_vote_share_in_the_submission(
        dossier_2022):
    submission = content.assemble(component_of(dossier_2022.cluster_year, "submission"))
    rows = [(p["unit"], p["award"], p["total"], p["rank"], p["votes"], p["vote_share"])
            for p in submission["proposals"]]
    assert rows == [
        ("Thanh tra tỉnh Lạng Sơn", "Cờ thi đua của Thanh tra Chính phủ", "85,00", "1", "6", "86%"),
        ("Thanh tra tỉnh Lai Châu", "Bằng khen của Tổng Thanh tra Chính phủ", "81,00", "2", "1",
         "14%"),
        ("Thanh tra tỉnh Sơn La", "Bằng khen của Tổng Thanh tra Chính phủ", "79,00", "3", "0",
         "0%"),
    ]
