"""Freezing: a frozen component carries its number and date and refuses every change (service,
page, admin, model save and bulk update); a proposal with a pending complaint cannot be frozen
into the dossier; a dossier completed after its deadline (20/12 for the cluster) is late."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from emulation.dossier import content, selectors, services
from emulation.dossier.models import Component
from emulation.scoring.models import Score
from emulation.staff.models import PendingComplaint
from tests.emulation.dossier.conftest import component_of, leader_of, staff_of

pytestmark = pytest.mark.django_db

ON_TIME = dt.datetime(2022, 12, 15, 9, 0, tzinfo=dt.UTC)
LATE = dt.datetime(2022, 12, 21, 9, 0, tzinfo=dt.UTC)


def _freeze_all(cluster_year, lead, at: dt.datetime) -> None:
    for component in Component.objects.filter(dossier__cluster_year=cluster_year).order_by("pk"):
        author = lead if component.kind in ("submission", "minutes") else leader_of(
            component.dossier.unit.code)
        services.component_write(component=component, written={}, by=author)
        services.component_freeze(component=component, number=str(component.pk),
                                  issued_on=at.date(), by=lead, at=at)


def test_a_frozen_component_refuses_edits_through_every_path(client_for, dossier_2022, lead_2022,
                                                            secretariat):
    report = component_of(dossier_2022.cluster_year, "achievement", "laichau")
    author = staff_of("laichau")
    services.component_write(component=report, written={"profile": "Bản chốt."}, by=author)
    services.component_freeze(component=report, number="118", issued_on=dt.date(2022, 12, 15),
                              by=lead_2022)
    report.refresh_from_db()
    frozen = report.snapshot

    with pytest.raises(ValidationError):  # service
        services.component_write(component=report, written={"profile": "Sửa."}, by=author)
    with pytest.raises(ValidationError):  # freezing again (a new number)
        services.component_freeze(component=report, number="200",
                                  issued_on=dt.date(2022, 12, 16), by=lead_2022)
    url = reverse("emulation:dossier_component", args=["cum-iv", 2022, report.pk])
    page = client_for(author).post(url, {"action": "write", "profile": "Sửa."})  # page
    assert page.status_code == 400
    admin_url = reverse("admin:emulation_component_change", args=[report.pk])
    admin = client_for(secretariat)
    assert admin.post(admin_url, {"number": "999", "written": "{}"}).status_code == 403
    assert admin.post(reverse("admin:emulation_component_delete", args=[report.pk]),
                      {"post": "yes"}).status_code == 403
    report.number = "999"
    with pytest.raises(ValidationError):  # model save
        report.save()
    with pytest.raises(ValidationError):  # bulk update
        Component.objects.filter(pk=report.pk).update(number="999")
    with pytest.raises(ValidationError):
        Component.objects.filter(pk=report.pk).delete()

    report = component_of(dossier_2022.cluster_year, "achievement", "laichau")
    assert (report.number, report.issued_on) == ("118", dt.date(2022, 12, 15))
    assert report.snapshot == frozen and frozen["text"]["profile"] == "Bản chốt."
    assert frozen["header"]["number"] == "118"


def test_a_frozen_component_keeps_its_content_when_the_records_change_later(dossier_2022,
                                                                           lead_2022):
    minutes = component_of(dossier_2022.cluster_year, "minutes")
    services.component_write(component=minutes, written={}, by=lead_2022)
    services.component_freeze(component=minutes, number="24", issued_on=dt.date(2022, 12, 9),
                              by=lead_2022)
    before = content.assemble(component_of(dossier_2022.cluster_year, "minutes"))
    Score.objects.filter(unit__code="hagiang").update(agreed_score=1)  # a later correction
    after = content.assemble(component_of(dossier_2022.cluster_year, "minutes"))
    assert after == before


def test_a_proposal_with_a_pending_complaint_cannot_be_frozen_into_the_dossier(
        client_for, dossier_2022, lead_2022, unit):
    PendingComplaint.objects.create(kind="denunciation", unit=unit("sonla"),
                                    received_on=dt.date(2022, 11, 1), summary="Tố cáo (test)")
    cluster_year = dossier_2022.cluster_year
    for kind in ("achievement", "pending"):
        component = component_of(cluster_year, kind, "sonla")
        services.component_write(component=component, written={}, by=leader_of("sonla"))
        with pytest.raises(ValidationError, match="Thanh tra tỉnh Sơn La"):
            services.component_freeze(component=component, number="1",
                                      issued_on=dt.date(2022, 12, 15), by=lead_2022,
                                      at=ON_TIME)
    submission = component_of(cluster_year, "submission")
    services.component_write(component=submission, written={}, by=lead_2022)
    with pytest.raises(ValidationError, match="Thanh tra tỉnh Sơn La"):
        services.component_freeze(component=submission, number="25",
                                  issued_on=dt.date(2022, 12, 15), by=lead_2022, at=ON_TIME)
    page = client_for(lead_2022).get(
        reverse("emulation:dossier_component", args=["cum-iv", 2022, submission.pk]))
    assert 'data-testid="blocked"' in page.content.decode()
    statement = content.assemble(component_of(cluster_year, "pending", "sonla"))
    assert [p["summary"] for p in statement["pending"]] == ["Tố cáo (test)"]
    # The same proposal once the denunciation is resolved freezes.
    PendingComplaint.objects.update(resolved_on=dt.date(2022, 12, 1))
    services.component_freeze(component=component_of(cluster_year, "pending", "sonla"),
                              number="2", issued_on=dt.date(2022, 12, 15), by=lead_2022,
                              at=ON_TIME)


def test_a_dossier_completed_after_20_december_is_flagged_late(dossier_2022, lead_2022):
    _freeze_all(dossier_2022.cluster_year, lead_2022, LATE)
    checklist = selectors.checklist(cluster_year=dossier_2022.cluster_year)
    assert checklist.cluster.dossier.completed_at == LATE
    assert checklist.cluster.deadline.day == dt.date(2022, 12, 20)
    assert checklist.cluster.late is True


def test_a_dossier_completed_by_20_december_is_on_time(client_for, dossier_2022, lead_2022):
    _freeze_all(dossier_2022.cluster_year, lead_2022, ON_TIME)
    checklist = selectors.checklist(cluster_year=dossier_2022.cluster_year)
    assert checklist.cluster.late is False
    assert all(row.dossier.completed_at == ON_TIME for row in checklist.rows)
    assert {row.deadline.day for row in checklist.proposals} == {dt.date(2022, 12, 25)}
    page = client_for(lead_2022).get(reverse("emulation:dossier_home", args=["cum-iv", 2022]))
    assert 'data-testid="late"' not in page.content.decode()
