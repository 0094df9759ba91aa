"""The dashboards, the figure sources and the file downloads of a cluster year."""

from __future__ import annotations

import io

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import gettext as _

from cum4 import selectors as core_selectors
from cum4.dashboard import selectors
from cum4.exports.catalogue import export_indicators
from cum4.exports.common import ranking_rows
from cum4.exports.registration import CONTENT_TYPES
from cum4.fragments import cached_fragment
from cum4.models import Unit
from cum4.page_cache import cached_per_snapshot
from cum4.periods import PERIOD_CODES, PERIOD_LABELS
from cum4.registry import registry
from cum4.reports.selectors import cluster_report_data
from cum4.view_helpers import get_cluster_year_for_user


def _period(request: HttpRequest) -> str:
    period = request.GET.get("period", "year")
    return period if period in PERIOD_CODES else "year"


def _labels() -> dict[str, str]:
    return {indicator.code: str(indicator.label) for indicator in export_indicators()}


def _shown_units() -> dict[str, str]:
    """The unit printed after a figure where the figure itself does not say it (m² of land);
    money and rates carry theirs ("tỷ đồng", "%"), counts are named by their label."""
    return {i.code: i.unit for i in export_indicators() if i.unit == "m²"}


def _short_labels() -> dict[str, str]:
    """Column and legend labels of the main figures (the full label is the cell's title)."""
    return {
        "insp_total": _("Inspections carried out"),
        "subjects_inspected": _("Individuals, organisations"),
        "violation_vnd": _("Violations"),
        "recovered_vnd": _("Recovered"),
        "recovery_rate": _("Recovery rate"),
        "reception_turns": _("Reception turns"),
        "petitions_received": _("Petitions received"),
        "cases_in_jurisdiction": _("Cases in jurisdiction"),
        "cases_resolved": _("Resolved"),
        "resolution_rate": _("Resolution rate"),
    }


def _chart_number(value) -> float | None:
    return None if value is None else float(value)


def _figures_context(dashboard: selectors.ClusterDashboard) -> dict:
    """What the figures part of the cluster dashboard shows: tiles, unit table, totals, charts."""
    labels = _labels()
    short = _short_labels()
    units = _shown_units()
    previous = dashboard.previous_totals or {}
    return {
        "cluster_year": dashboard.cluster_year,
        "dashboard": dashboard,
        "period": dashboard.period,
        # Cells laid out here so the template formats without looking each one up by code.
        "tile_groups": [
            (
                _(heading),
                [
                    (
                        code,
                        labels[code],
                        dashboard.totals.get(code),
                        selectors.change(dashboard.totals.get(code), previous.get(code)),
                        units.get(code, ""),
                    )
                    for code in codes
                ],
            )
            for heading, codes in selectors.HEADLINE_GROUPS
        ],
        "table_labels": [(code, short[code], labels[code]) for code in selectors.TABLE_CODES],
        "table": [
            (
                row,
                [
                    (code, row.figures.get(code), row.changes.get(code))
                    for code in selectors.TABLE_CODES
                ],
            )
            for row in dashboard.rows
        ],
        "totals": [(code, dashboard.totals.get(code)) for code in selectors.TABLE_CODES],
        "chart": {
            "labels": {code: short[code] for code in selectors.CHART_CODES},
            "units": [row.unit.province for row in dashboard.rows],
            "byUnit": {
                code: [_chart_number(row.figures.get(code)) for row in dashboard.rows]
                for code in selectors.CHART_CODES
            },
            "years": [point.year for point in dashboard.series],
            "byYear": {
                code: [_chart_number(point.figures.get(code)) for point in dashboard.series]
                for code in selectors.CHART_CODES
            },
        },
    }


@cached_per_snapshot
def cluster_dashboard(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "cum4.view_cluster_year")
    period = _period(request)
    dashboard = selectors.cluster_dashboard(
        cluster_year=cluster_year, period=period, user=request.user
    )
    return render(
        request,
        "cum4/dashboard_cluster.html",
        {
            "cluster_year": cluster_year,
            "dashboard": dashboard,
            "period": period,
            "period_label": PERIOD_LABELS[period],
            "periods": [(code, PERIOD_LABELS[code]) for code in PERIOD_CODES],
            # Rendered once per content: the key is the figures themselves, read afresh.
            "figures_html": cached_fragment(
                "cum4/_dashboard_figures.html",
                lambda: _figures_context(dashboard),
                key=(get_script_prefix(), dashboard.content),
            ),
            "ranking": ranking_rows(
                {
                    "ranking": dashboard.ranking,
                    "units": [{"unit": r.unit.code, "name": r.unit.name} for r in dashboard.rows],
                }
            ),
        },
    )


@cached_per_snapshot(per_user=True)  # its open tasks come from providers given the user
def unit_dashboard(request: HttpRequest, code: str) -> HttpResponse:
    # Approved figures are open to every signed-in user; the open tasks only to the unit.
    unit = get_object_or_404(Unit, code=code)
    period = _period(request)
    dashboard = selectors.unit_dashboard(unit=unit, period=period)
    tasks = None
    if request.user.has_perm("cum4.view_unit_workspace", unit):
        from cum4.views import _unit_tasks

        tasks = _unit_tasks(request.user, unit)
    return render(
        request,
        "cum4/dashboard_unit.html",
        {
            "unit": unit,
            "dashboard": dashboard,
            "period": period,
            "period_label": PERIOD_LABELS[period],
            "periods": [(code, PERIOD_LABELS[code]) for code in PERIOD_CODES],
            "tasks": tasks,
            # The table and the chart rendered once per content: the key is the figures
            # themselves, read afresh, so never older than the data.
            "figures_html": cached_fragment(
                "cum4/_dashboard_unit_figures.html",
                lambda: _unit_figures_context(dashboard),
                key=(
                    get_script_prefix(),
                    dashboard.period,
                    [(point.year, point.figures) for point in dashboard.series],
                    sorted(dashboard.completeness.items()),
                ),
            ),
        },
    )


def _unit_figures_context(dashboard: selectors.UnitDashboard) -> dict:
    """What the unit dashboard's table and chart show: each year's figures, newest first,
    with their change against the year before."""
    labels = _labels()
    short = _short_labels()
    rows = list(reversed(dashboard.series))
    return {
        "dashboard": dashboard,
        "rows": [
            (
                point,
                [
                    (
                        code,
                        point.figures.get(code),
                        selectors.change(
                            point.figures.get(code),
                            rows[index + 1].figures.get(code) if index + 1 < len(rows) else None,
                        ),
                    )
                    for code in selectors.TABLE_CODES
                ],
            )
            for index, point in enumerate(rows)
        ],
        "table_labels": [(code, short[code], labels[code]) for code in selectors.TABLE_CODES],
        "chart": {
            "labels": {code: short[code] for code in selectors.CHART_CODES},
            "years": [point.year for point in dashboard.series],
            "byYear": {
                code: [_chart_number(point.figures.get(code)) for point in dashboard.series]
                for code in selectors.CHART_CODES
            },
        },
    }


def _report_url(report) -> str | None:
    """The report's page in the reports package, when it has one."""
    try:
        return reverse("reports:detail", kwargs={"pk": report.pk})
    except NoReverseMatch:  # the reports' pages are not installed
        return None


def figure_sources(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "cum4.view_cluster_year")
    period = _period(request)
    labels = _labels()
    indicator = request.GET.get("code", "")
    if indicator not in labels:
        raise Http404
    members = [m.unit for m in core_selectors.memberships_of(cluster_year=cluster_year)]
    unit_code = request.GET.get("unit")
    units = [u for u in members if u.code == unit_code] if unit_code else members
    if unit_code and not units:
        raise Http404
    sources = selectors.figure_sources(units=units, year=year, period=period, code=indicator)
    return render(
        request,
        "cum4/dashboard_sources.html",
        {
            "cluster_year": cluster_year,
            "period": period,
            "period_label": PERIOD_LABELS[period],
            "code": indicator,
            "label": labels[indicator],
            "unit": units[0] if unit_code else None,
            "sources": [(source, _report_url(source.report)) for source in sources],
        },
    )


def cluster_report_download(request: HttpRequest, code: str, year: int, fmt: str) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "cum4.view_cluster_year")
    period = _period(request)
    writer = registry.report_formats.get(fmt)
    if writer is None or fmt not in CONTENT_TYPES:
        raise Http404(_("Unknown format."))
    buffer = io.BytesIO()
    data = cluster_report_data(cluster_year=cluster_year, period=period)
    if request.GET.get("money") == "million":  # the workbook's money unit (đồng by default)
        data["money_unit"] = "million"
    writer(data=data, cluster_year=cluster_year, period=period, output=buffer)
    response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES[fmt])
    filename = f"{cluster_year.cluster.code}-{year}-{period}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
