"""The 2022 dashboard on the real demo (load_demo): seed figures and the pledge's progress."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from cum4.models import User


@pytest.mark.django_db
def test_it_shows_the_demo_seed_year_and_the_pledge_progress(client_for):
    call_command("load_demo", verbosity=0)
    lead = User.objects.get(username="langson.leader")
    html = client_for(lead).get("/clusters/cum-iv/2022/dashboard/").content.decode()
    tiles = dict(re.findall(r'data-testid="tile-([a-z_0-9]+)">([^<]*)<', html))
    assert tiles["insp_total"] == "1.902"
    assert tiles["subjects_inspected"] == "7.539"
    assert tiles["recovery_rate"] == "89,72%"
    assert tiles["resolution_rate"] == "88,4%"
    assert tiles["reception_turns"] == "10.565"
    # The pledges' panel (registry.dashboard_panels), once.
    assert html.count('data-testid="pledge-panel"') == 1
    # The demo finalises the 2022 ranking (scoring's "ranking" report extra).
    ranking = re.search(r'data-testid="ranking">(.*?)</table>', html, re.S).group(1)
    assert "Thanh tra tỉnh" in ranking
    # Without a pledge the panel is left out.
    html_2023 = client_for(lead).get("/clusters/cum-iv/2023/dashboard/").content.decode()
    assert 'data-testid="pledge-panel"' not in html_2023
