"""Helpers shared by this branch's views: resolving a cluster year the user may read."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest
from django.shortcuts import redirect

from cum4 import selectors
from cum4.models import User


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
