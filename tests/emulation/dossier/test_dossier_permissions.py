"""Who may do what: a unit drafts its own pieces and cannot read another's before they are
frozen; the lead drafts and freezes the cluster's pieces; the secretariat and the viewer read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from emulation.dossier import services
from tests.emulation.dossier.conftest import component_of, leader_of, staff_of

pytestmark = pytest.mark.django_db


def _url(component) -> str:
    return reverse("emulation:dossier_component", args=["cum-iv", 2022, component.pk])


def test_a_unit_cannot_read_or_edit_another_units_achievement_report_before_it_is_frozen(
        client_for, dossier_2022, lead_2022):
    report = component_of(dossier_2022.cluster_year, "achievement", "laichau")
    other = client_for(staff_of("sonla"))
    assert other.get(_url(report)).status_code == 403
    assert other.get(_url(report) + "docx/").status_code == 403
    assert other.post(_url(report), {"action": "write", "profile": "x"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.component_write(component=report, written={"profile": "x"},
                                 by=staff_of("sonla"))
    checklist = other.get(reverse("emulation:dossier_home", args=["cum-iv", 2022]))
    assert 'data-testid="component-laichau-achievement"' not in checklist.content.decode()

    own = client_for(staff_of("laichau"))
    assert own.post(_url(report), {"action": "write", "profile": "Lai Châu"}).status_code == 302
    services.component_freeze(component=report, number="5", issued_on=dt.date(2022, 12, 12),
                              by=lead_2022)
    assert other.get(_url(report)).status_code == 200  # frozen: every member reads it


def test_the_lead_drafts_and_freezes_the_cluster_pieces_and_others_only_read(
        client_for, dossier_2022, lead_2022, secretariat, viewer):
    submission = component_of(dossier_2022.cluster_year, "submission")
    for user in (secretariat, viewer, leader_of("sonla")):
        client = client_for(user)
        assert client.post(_url(submission), {"action": "write", "grounds": "x"}).status_code == 403
        assert client.post(_url(submission), {"action": "freeze", "number": "1",
                                              "issued_on": "2022-12-12"}).status_code == 403
    for user in (secretariat, viewer):
        assert client_for(user).get(_url(submission)).status_code == 200
    lead = client_for(lead_2022)
    assert lead.post(_url(submission), {"action": "write", "grounds": "Căn cứ."}).status_code == 302
    assert lead.post(_url(submission), {"action": "freeze", "number": "25",
                                        "issued_on": "2022-12-15"}).status_code == 302
    submission.refresh_from_db()
    assert (submission.number, submission.issued_on) == ("25", dt.date(2022, 12, 15))
    assert submission.history.filter(history_change_reason="freeze",
                                     history_user=lead_2022).exists()
    # The lead does not write a unit's achievement report.
    report = component_of(dossier_2022.cluster_year, "achievement", "laichau")
    assert lead.post(_url(report), {"action": "write", "profile": "x"}).status_code == 403


def test_only_the_lead_secretariat_and_viewer_download_the_zip(client_for, dossier_2022,
                                                               monkeypatch):
    monkeypatch.setattr("emulation.dossier.pdf.soffice_path", lambda: None)
    url = reverse("emulation:dossier_zip", args=["cum-iv", 2022])
    assert client_for(staff_of("laichau")).get(url).status_code == 403
    assert client_for(leader_of("sonla")).get(url).status_code == 403
    assert client_for(leader_of("langson")).get(url).status_code == 200
