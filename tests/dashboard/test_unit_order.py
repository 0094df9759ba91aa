"""One unit order on every page and export: Vietnamese collation of the province."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command

EXPECTED = ["caobang", "dienbien", "hagiang", "laichau", "langson", "laocai", "sonla"]


@pytest.mark.django_db
def test_it_lists_units_in_vietnamese_order_on_the_dashboard_grid_and_report(
    seed_2022, client_for, lead_2022
):
    client = client_for(lead_2022)
    dashboard = client.get("/clusters/cum-iv/2022/dashboard/").content.decode()
    table = dashboard.split('data-testid="unit-table"')[1].split("</tbody>")[0]
    codes = re.findall(r'/units/([a-z]+)/dashboard/', table)
    assert codes == EXPECTED  # Điện Biên second, not last as in a code-point sort

    grid = client.get("/reports/status/cum-iv/2022/").content.decode()
    table = grid.split('data-testid="status-grid"')[1]
    assert re.findall(r'<tr data-unit="([a-z]+)"', table) == EXPECTED

    out = io.StringIO()
    call_command("cluster_report", "--year", "2022", "--format", "json", stdout=out)
    assert [u["unit"] for u in json.loads(out.getvalue())["units"]] == EXPECTED

    members = client.get("/clusters/cum-iv/2022/").content.decode()
    table = members.split('data-testid="members"')[1].split("</table>")[0]
    provinces = re.findall(r"<td>Thanh tra tỉnh ([^<]+)</td>", table)
    assert provinces[:4] == ["Cao Bằng", "Điện Biên", "Hà Giang", "Lai Châu"]  # lead not first
