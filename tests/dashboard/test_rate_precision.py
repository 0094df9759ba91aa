"""Rates at one precision everywhere: the report page prints them as the dashboard does
(recovery 89,72%, resolution 88,4%: cum4.formatting.RATE_DECIMALS)."""

from __future__ import annotations

import json
import re

import pytest

from cum4.reports.models import QuarterlyReport


@pytest.mark.django_db
def test_it_prints_the_report_rates_at_the_dashboard_precision(seed_2022, client_for, lead_2022):
    report = QuarterlyReport.objects.filter(year=2022, quarter=1).first()
    html = client_for(lead_2022).get(f"/reports/{report.pk}/").content.decode()
    shown = dict(re.findall(r'data-derived="([a-z_]+)">([^<]*)<', html))
    assert re.fullmatch(r"\d+,\d%", shown["resolution_rate"]), shown
    assert re.fullmatch(r"\d+,\d\d%", shown["recovery_rate"]), shown
    specs = json.loads(re.search(r'id="derived-specs"[^>]*>(.*?)</script>', html, re.S).group(1))
    decimals = {spec["code"]: spec["decimals"] for spec in specs}
    assert decimals["resolution_rate"] == 1 and decimals["recovery_rate"] == 2
