"""The admin and the Excel import run the same rules and refuse to touch an approved report."""

from __future__ import annotations

import copy

import pytest
import tablib
from django.contrib import admin
from django.urls import reverse

from cum4.reports.selectors import report_values
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db


def _resource(model_name: str):
    model = next(m for m in admin.site._registry if m.__name__ == model_name)
    return admin.site._registry[model].resource_classes[0]()


def _dataset(rows: list[dict]) -> tablib.Dataset:
    headers = list(rows[0])
    return tablib.Dataset(*[[row[h] for h in headers] for row in rows], headers=headers)


def _reception_row(report, **values) -> dict:
    row = {"unit": report.unit.code, "year": report.year, "quarter": report.quarter}
    row.update(valid_values()["B"][""])
    row.update(values)
    return row


@pytest.fixture
def approved(unit, lead_2022):
    return make_report(unit("sonla"), 2022, 1, "approved", valid_values(), by=lead_2022)


@pytest.fixture
def draft(unit):
    return make_report(unit("sonla"), 2022, 2, "draft", valid_values())


def test_it_refuses_to_change_an_approved_report_in_the_admin(client_for, secretariat, approved):
    section = approved.reception_section
    url = reverse("admin:complaints_receptionsection_change", args=[section.pk])
    client = client_for(secretariat)
    assert client.get(url).status_code == 200  # view only
    data = {"report": approved.pk, **valid_values()["B"][""], "reception_turns": 1}
    assert client.post(url, data).status_code == 403
    assert report_values(approved)["B"][""]["reception_turns"] == 100
    report_url = reverse("admin:cum4_quarterlyreport_change", args=[approved.pk])
    assert client.post(report_url, {}).status_code == 403


def test_it_applies_the_rules_in_the_admin(client_for, secretariat, draft):
    section = draft.reception_section
    url = reverse("admin:complaints_receptionsection_change", args=[section.pk])
    data = {"report": draft.pk, **valid_values()["B"][""], "reception_persons": 5}
    response = client_for(secretariat).post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert response.context["adminform"].form.errors["reception_persons"]
    assert report_values(draft)["B"][""]["reception_persons"] == 120


def test_it_refuses_an_import_into_an_approved_report(approved):
    result = _resource("ReceptionSection").import_data(
        _dataset([_reception_row(approved, reception_turns=1)]), dry_run=False
    )
    assert result.has_validation_errors() and not result.has_errors()
    assert "cannot be changed" in str(result.invalid_rows[0].error) or "không" in str(
        result.invalid_rows[0].error
    )
    assert report_values(approved)["B"][""]["reception_turns"] == 100


def test_it_imports_all_or_nothing_with_the_rules(draft):
    before = draft.version
    resource = _resource("ReceptionSection")
    other = make_report(draft.unit, 2022, 3, "draft")
    bad = _dataset(
        [_reception_row(other, reception_turns=7), _reception_row(draft, reception_persons=1)]
    )
    result = resource.import_data(bad, dry_run=False, use_transactions=True)
    assert result.has_validation_errors()
    assert [r.number for r in result.invalid_rows] == [2]
    assert report_values(other)["B"][""]["reception_turns"] is None

    good = _dataset([_reception_row(draft, reception_turns=110)])
    result = resource.import_data(good, dry_run=False, use_transactions=True)
    assert not result.has_errors() and not result.has_validation_errors()
    assert report_values(draft)["B"][""]["reception_turns"] == 110
    draft.refresh_from_db()
    assert draft.version == before + 1


def test_it_imports_section_d_by_kind(draft):
    values = copy.deepcopy(valid_values()["D"]["denunciation"])
    values["cases_new"] = 9
    row = {"unit": "sonla", "year": 2022, "quarter": 2, "kind": "denunciation", **values}
    result = _resource("ResolutionSection").import_data(_dataset([row]), dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    stored = report_values(draft)["D"]
    assert stored["denunciation"]["cases_new"] == 9 and stored["complaint"]["cases_new"] == 4

