"""Check constraints validated in full_clean(): an empty value is no database error in the log
(PostgreSQL cannot type `NULL + NULL`), and a filled-in value still meets its constraint."""

from __future__ import annotations

import logging

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from complaints.models import PetitionSection
from tests.reports.conftest import make_report, post_data

pytestmark = pytest.mark.django_db


def test_it_saves_an_incomplete_draft_without_a_database_error_in_the_log(
    client_for, staff_laichau, caplog
):
    draft = make_report(staff_laichau.unit, 2023, 2)
    partial = {"A": {"": {"insp_new": 5, "insp_planned": 5, "insp_unplanned": 0}}}
    with caplog.at_level(logging.WARNING, logger="django.db.models"):
        response = client_for(staff_laichau).post(
            reverse("reports:detail", args=[draft.pk]), post_data(partial, 1)
        )
    assert response.status_code == 302
    assert not [r for r in caplog.records if "database error calling check()" in r.getMessage()]


def test_it_still_checks_a_constraint_whose_values_are_filled_in(staff_laichau):
    draft = make_report(staff_laichau.unit, 2023, 2)
    row = PetitionSection(
        report=draft, petitions_complaint=1, petitions_denunciation=1, petitions_proposal=1,
        petitions_received=5,
    )
    with pytest.raises(ValidationError):
        row.validate_constraints()
    row.petitions_received = 3
    row.validate_constraints()
