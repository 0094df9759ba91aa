"""The yearly statistics page (forms 0601.N–0603.N) and its Excel download."""

from __future__ import annotations

import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from cum4 import selectors as core_selectors
from cum4.models import Unit
from cum4.permissions import require_perm
from cum4.view_helpers import get_cluster_year_for_user, redirect_to_current, xlsx_response
from emulation.awards.statistics.grid import grid_of
from emulation.awards.statistics.selectors import StatisticsBundle, statistics_for
from emulation.awards.statistics.workbook import signature_lines, statistics_workbook


def _xlsx(buffer: io.BytesIO, filename: str) -> HttpResponse:
    return xlsx_response(filename, buffer.getvalue())


def statistics_current(request: HttpRequest) -> HttpResponse:
    return redirect_to_current(request, "emulation:statistics")


def statistics(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_movements")
    unit = _statistics_unit(request, cluster_year)
    bundle = statistics_for(cluster_year=cluster_year, unit=unit)
    memberships = core_selectors.memberships_of(cluster_year=cluster_year)
    return render(
        request,
        "emulation/awards/statistics.html",
        {
            "cluster_year": cluster_year,
            "bundle": bundle,
            "pages": _pages(bundle),
            "closing": signature_lines(bundle),
            "years": core_selectors.cluster_years_visible_to(user=request.user),
            "can_cluster": request.user.has_perm("emulation.export_cluster_statistics", cluster_year),
            "can_decisions": request.user.has_perm("emulation.view_decisions"),
            "units": [
                m.unit
                for m in memberships
                if request.user.has_perm("emulation.export_unit_statistics", m.unit)
            ],
        },
    )


def _pages(bundle: StatisticsBundle) -> list[dict]:
    """Each form as the page draws it: the table grid, its window and day of receipt."""
    pages = []
    for form in bundle.forms:
        day, month = bundle.receipt(form.layout)
        start, end = bundle.window(form.layout)
        pages.append({"form": form, "grid": grid_of(form), "day": day, "month": month,
                      "start": start, "end": end})
    return pages


def _statistics_unit(request: HttpRequest, cluster_year) -> Unit | None:
    """The unit asked for (?unit=code), or the user's own unit unless they may see the cluster."""
    code = request.GET.get("unit")
    if code:
        unit = get_object_or_404(Unit, code=code, memberships__cluster_year=cluster_year)
        require_perm(request.user, "emulation.export_unit_statistics", unit)
        return unit
    if request.user.has_perm("emulation.export_cluster_statistics", cluster_year):
        return None
    require_perm(request.user, "emulation.export_unit_statistics", request.user.unit)
    return request.user.unit


def statistics_export(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_movements")
    unit = _statistics_unit(request, cluster_year)
    bundle = statistics_for(cluster_year=cluster_year, unit=unit)
    buffer = io.BytesIO()
    statistics_workbook(bundle, buffer, timezone.localdate())
    who = unit.code if unit else cluster_year.cluster.code
    return _xlsx(buffer, f"thong-ke-0601-0603-{who}-{year}.xlsx")
