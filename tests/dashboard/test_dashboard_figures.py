"""The dashboard shows every figure of the year-end report, land with its m² (issue 15 item 8)."""

from __future__ import annotations

import re

import pytest

from cum4.dashboard.selectors import HEADLINE_CODES

URL = "/clusters/cum-iv/2022/dashboard/"
# The figures the Word year-end report prints (cum4.exports.docx._narrative).
YEAR_END_REPORT_CODES = {
    "insp_total", "subjects_inspected", "violation_vnd", "violation_land_m2",
    "recovery_recommended_vnd", "recovery_recommended_land_m2", "recovered_vnd",
    "recovered_land_m2", "recovery_rate", "sanction_decisions", "sanction_vnd",
    "admin_handling_orgs", "admin_handling_persons", "referred_cases", "referred_persons",
    "policy_recommendations", "reception_turns", "reception_persons", "petitions_received",
    "petitions_eligible", "cases_in_jurisdiction", "cases_resolved", "resolution_rate",
    "on_time_rate", "publicity_checks", "asset_declarations_required",
    "asset_declarations_done", "asset_verifications", "officials_rotated", "corruption_cases",
    "corruption_persons", "heads_held_responsible", "corruption_recovered_vnd",
}


def test_it_has_a_tile_for_every_figure_of_the_year_end_report():
    assert set(HEADLINE_CODES) >= YEAR_END_REPORT_CODES


@pytest.mark.django_db
def test_it_shows_land_in_square_metres_and_the_recovered_land_card(seed_2022, client_for, lead_2022):
    html = client_for(lead_2022).get(URL).content.decode()
    tiles = dict(re.findall(r'data-testid="tile-([a-z_0-9]+)">([^<]*)<', html))
    assert set(tiles) >= YEAR_END_REPORT_CODES
    assert tiles["violation_land_m2"] == "49.424"
    assert tiles["recovery_recommended_land_m2"] == "9.895"
    assert tiles["recovered_land_m2"] not in ("", "–")
    units = dict(re.findall(r'data-testid="tile-unit-([a-z_0-9]+)">([^<]*)<', html))
    assert units == {
        "violation_land_m2": "m²", "recovery_recommended_land_m2": "m²", "recovered_land_m2": "m²",
    }
    # Rates at the precision of the seed everywhere: 89,72% and 88,4%.
    assert tiles["recovery_rate"] == "89,72%" and tiles["resolution_rate"] == "88,4%"
    # The parts of the report head their tiles.
    assert "1. Công tác thanh tra, kiểm tra" in html and "3. " in html


@pytest.mark.django_db
def test_it_names_pledge_targets_by_their_labels_not_their_codes(client_for):
    from django.core.management import call_command

    from cum4.models import User

    call_command("load_demo", quiet_logins=True, verbosity=0)
    lead = User.objects.get(username="langson.leader")
    html = client_for(lead).get(URL).content.decode()
    panel = html.split('data-testid="pledge-panel"')[1].split("</table>")[0]
    assert "resolution_rate" not in panel and "recovery_rate" not in panel
    assert "≥ 85% · Năm" in panel and "≥ 80% · Năm" in panel
