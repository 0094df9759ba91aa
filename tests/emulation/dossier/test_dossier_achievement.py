"""A proposed unit's achievement report (collective template, ND 98/2023 Mẫu 02 kept by
ND 152/2025) from its approved figures, pledge, movements and award history, plus the parts
the unit writes, kept with history."""

from __future__ import annotations

import io

import pytest
from docx import Document

from cum4.formatting import vn_figure
from cum4.reports.selectors import unit_period_figures
from emulation.dossier import content, services, word
from tests.emulation.dossier.conftest import component_of, staff_of
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db


def test_it_fills_the_achievement_report_with_the_units_approved_2022_totals(dossier_2022, unit):
    langson = unit("langson")
    for quarter in (1, 2, 3):
        make_report(langson, 2022, quarter, state="approved", values=valid_values())
    make_report(langson, 2022, 4, state="submitted", values=valid_values(scale=5))  # not approved
    report = content.assemble(component_of(dossier_2022.cluster_year, "achievement", "langson"))

    approved = unit_period_figures(unit=langson, year=2022, period="year").values
    shown = {row["code"]: row["value"] for row in report["results"]}
    assert shown == {code: vn_figure(approved.get(code), code) for code in shown}
    assert shown["insp_new"] == "30"  # 3 approved quarters × 10; the submitted Q4 does not count
    assert shown["reception_turns"] == "300"
    assert report["results_complete"] is False
    cells = {cell.text for table in Document(io.BytesIO(word.component_docx(report))).tables
             for row in table.rows for cell in row.cells}
    assert {"30", "300"} <= cells


def test_it_keeps_what_the_unit_writes_with_its_history(dossier_2022):
    component = component_of(dossier_2022.cluster_year, "achievement", "laichau")
    author = staff_of("laichau")
    services.component_write(component=component, written={"profile": "Trụ sở tại Lai Châu."},
                             by=author)
    services.component_write(component=component,
                             written={"profile": "Trụ sở tại thành phố Lai Châu.", "bogus": "x"},
                             by=author)
    component.refresh_from_db()
    assert component.written == {"profile": "Trụ sở tại thành phố Lai Châu."}
    assert content.assemble(component)["text"]["profile"] == "Trụ sở tại thành phố Lai Châu."
    history = list(component.history.order_by("history_date"))
    assert [h.written.get("profile") for h in history[-2:]] == [
        "Trụ sở tại Lai Châu.", "Trụ sở tại thành phố Lai Châu."]
    assert all(h.history_user == author for h in history[-2:])


def test_it_lists_the_titles_of_previous_years_from_the_award_history(dossier_2022, unit,
                                                                      records):
    records.grant(unit("laichau"), "co_ttcp", 2020)
    records.grant(unit("laichau"), "bk_ttcp", 2021)
    records.grant(unit("laichau"), "bk_ttcp", 2022)  # this year's: not a previous year
    report = content.assemble(component_of(dossier_2022.cluster_year, "achievement", "laichau"))
    assert [(r["year"], r["award"]) for r in report["titles"]] == [
        ("2020", "Cờ thi đua của Thanh tra Chính phủ")]
    assert [(r["year"], r["award"]) for r in report["commendations"]] == [
        ("2021", "Bằng khen của Tổng Thanh tra Chính phủ")]
