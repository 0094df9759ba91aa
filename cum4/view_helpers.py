"""Lookups every app's views share: a cluster year from the URL, with its access check."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from cum4 import selectors
from cum4.models import ClusterYear, User
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


def redirect_to_current(request: HttpRequest, url_name: str):
    """Open a page at the user's cluster year of the current reporting year (else the latest)."""
    user: User = request.user
    visible = selectors.cluster_years_visible_to(user=user)
    year = selectors.reporting_year_of()
    cluster_year = visible.filter(year=year).first() or visible.order_by("-year").first()
    if cluster_year is None:
        raise Http404
    return redirect(url_name, code=cluster_year.cluster.code, year=cluster_year.year)


def add_errors(form: Form, error: ValidationError) -> None:
    """Show a service's refusal on the form, keeping what was typed."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)
