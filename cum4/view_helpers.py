"""Lookups every app's views share: a cluster year from the URL, with its access check."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from cum4 import selectors
from cum4.models import ClusterYear
from cum4.permissions import require_perm


def get_cluster_year_or_404(code: str, year: int) -> ClusterYear:
    cluster_year = selectors.cluster_year_get(cluster_code=code, year=year)
    if cluster_year is None:
        raise Http404
    return cluster_year


def get_cluster_year_for_user(request: HttpRequest, code: str, year: int, perm: str) -> ClusterYear:
    """The cluster year of the URL; 404 when it does not exist, 403 without `perm` on it."""
    cluster_year = get_cluster_year_or_404(code, year)
    require_perm(request.user, perm, cluster_year)
    return cluster_year


XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(filename: str, content: bytes = b"") -> HttpResponse:
    """An Excel download named `filename`; write into it when `content` is not given yet."""
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
