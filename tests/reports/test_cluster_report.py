"""The cluster report's data takes registered extras and formats (CONTRACT)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cum4.registry import registry
from cum4.reports.selectors import cluster_report_data
from tests.reports.conftest import make_report, valid_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def extras():
    saved_extras, saved_formats = dict(registry.report_extras), dict(registry.report_formats)
    yield
    registry.report_extras.clear()
    registry.report_extras.update(saved_extras)
    registry.report_formats.clear()
    registry.report_formats.update(saved_formats)


def test_it_adds_the_registered_extras_that_have_a_value(cluster_2022, extras):
    registry.add_report_extra("ranking", lambda *, cluster_year, period: [{"unit": "sonla"}])
    registry.add_report_extra("not_yet", lambda *, cluster_year, period: None)
    data = cluster_report_data(cluster_year=cluster_2022, period="year")
    assert data["ranking"] == [{"unit": "sonla"}]
    assert "not_yet" not in data


def test_it_writes_a_registered_format(cluster_2022, extras, tmp_path, unit, lead_2022):
    make_report(unit("sonla"), 2022, 1, "approved", valid_values(), by=lead_2022)

    def write_txt(*, data, cluster_year, period, output):
        output.write(f"{cluster_year.year} {period} {data['totals']['insp_new']}".encode())

    registry.add_report_format("txt", write_txt)
    target = tmp_path / "report.txt"
    call_command(
        "cluster_report", "--year", "2022", "--period", "q1", "--format", "txt",
        "--output", str(target), stderr=io.StringIO(),
    )
    assert target.read_text() == "2022 q1 10"


def test_it_names_the_formats_when_one_is_unknown(cluster_2022):
    with pytest.raises(CommandError, match="json"):
        call_command("cluster_report", "--year", "2022", "--format", "pdf")


def test_it_reports_no_figures_for_a_year_without_approved_reports(cluster_2022):
    data = cluster_report_data(cluster_year=cluster_2022, period="6m")
    assert data["complete"] is False
    assert data["totals"]["insp_total"] is None and data["totals"]["recovery_rate"] is None
    assert all(u["approved_quarters"] == [] for u in data["units"])
