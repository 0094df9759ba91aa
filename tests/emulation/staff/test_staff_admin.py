"""Admin of the staff register and awards: Excel import and export on every model."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from import_export.admin import ExportMixin, ImportMixin

from cum4.resources import BaseResource
from emulation.awards import admin as awards_admin
from emulation.staff import admin as staff_admin


def test_it_offers_excel_import_and_export_on_every_staff_and_award_model(
    records, unit, client_for, secretariat
):
    person = records.person(unit("laichau"))
    records.rate(person, 2024, "good")
    records.grant(person, "ldtt", 2024)
    client = client_for(secretariat)
    models = [
        m for m, a in admin.site._registry.items()
        if a.__module__ in (staff_admin.__name__, awards_admin.__name__)
    ]
    assert len(models) == 18  # + leave periods, rules on pending complaints
    for model in models:
        model_admin = admin.site._registry[model]
        assert isinstance(model_admin, ExportMixin) and isinstance(model_admin, ImportMixin), model
        assert all(issubclass(r, BaseResource) for r in model_admin.get_resource_classes(None)), (
            model
        )
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        assert client.get(reverse(f"{name}_changelist")).status_code == 200, model
        assert client.get(reverse(f"{name}_export")).status_code == 200, model
        assert client.get(reverse(f"{name}_import")).status_code == 200, model
