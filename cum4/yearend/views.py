"""The lead's page for the year-end report: identity and narrative, then the Word file."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cum4.view_helpers import get_cluster_year_for_user
from cum4.yearend import selectors, services
from cum4.yearend.forms import YearEndReportForm
from cum4.yearend.models import YearEndReport


def year_end_report_edit(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "cum4.lead_cluster_year")
    saved = selectors.year_end_report_get(cluster_year=cluster_year)
    if request.method == "POST":
        form = YearEndReportForm(request.POST, instance=saved or YearEndReport())
        if form.is_valid():
            services.year_end_report_save(
                cluster_year=cluster_year,
                values={name: form.cleaned_data[name] for name in form.Meta.fields},
                by=request.user,
            )
            messages.success(request, _("The year-end report was saved."))
            return redirect("cum4:year_end_report", code=code, year=year)
    else:
        initial = {}
        if saved is None:
            identity = selectors.year_end_identity(cluster_year=cluster_year)
            initial = {
                "parent_body": identity.parent_body,
                "place": identity.place,
                "signer_title": identity.signer_title,
                "signer_name": identity.signer_name,
                "recipients": "\n".join(identity.recipients),
            }
        form = YearEndReportForm(instance=saved, initial=initial)
    history = saved.history.select_related("history_user")[:10] if saved else []
    return render(
        request,
        "cum4/year_end_report.html",
        {"cluster_year": cluster_year, "form": form, "saved": saved, "history": history},
    )
