"""Pages of the quarterly reports: a unit's list, the entry page, the workflow actions and
the lead's status grid. Each view parses a form, calls one service or selector, renders."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4 import selectors as core_selectors
from cum4.formatting import RATE_DECIMALS
from cum4.fragments import cached_fragment
from cum4.models import User
from cum4.page_cache import cached_per_snapshot
from cum4.permissions import is_cluster_lead, is_secretariat, is_viewer, require_perm
from cum4.reports import forms, services
from cum4.reports import page_selectors as selectors
from cum4.reports.models import QuarterlyReport
from cum4.reports.permissions import is_report_unit_member
from cum4.reports.sections import report_sections
from cum4.view_helpers import get_cluster_year_or_404, xlsx_response


def _get_report_for_user(request: HttpRequest, pk: int) -> QuarterlyReport:
    report = selectors.report_for_page(pk)
    require_perm(request.user, "cum4.view_report", report)
    return report


def my_reports(request: HttpRequest) -> HttpResponse:
    """The unit's reports: one line per year of membership, one cell per quarter."""
    user: User = request.user
    if not user.works_in_unit:
        raise PermissionDenied
    years = [m.cluster_year.year for m in core_selectors.cluster_years_of_unit(unit=user.unit)]
    reports = selectors.unit_reports(unit=user.unit, years=years)
    table = [(year, [(q, reports.get((year, q))) for q in range(1, 5)]) for year in years]
    return render(
        request, "reports/my_reports.html", {"unit": user.unit, "table": table}
    )


@require_POST
def report_open(request: HttpRequest) -> HttpResponse:
    form = forms.OpenReportForm(request.POST)
    if not form.is_valid() or not request.user.works_in_unit:
        raise PermissionDenied
    try:
        report = services.report_open(
            unit=request.user.unit,
            year=form.cleaned_data["year"],
            quarter=form.cleaned_data["quarter"],
            by=request.user,
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reports:list")
    return redirect("reports:detail", report.pk)


def _render_detail(request, report, *, section_forms=None, conflicts=None, status=200):
    page = selectors.report_page(report)
    user = request.user
    can_edit = rules.has_perm("cum4.edit_report", user, report)
    if section_forms is None:
        section_forms = forms.report_forms(values=page.values, readonly=not can_edit)
    derived_specs = [
        {"code": d.code, "num": list(d.numerator), "den": list(d.denominator),
         "decimals": RATE_DECIMALS.get(d.code, 2)}
        for s in report_sections()
        for d in s.derived
    ]
    context = {
        "report": report,
        "page": page,
        "section_forms": section_forms,
        "conflicts": conflicts,
        "errors": [i for i in page.issues if i.level == "error"],
        "warnings": [i for i in page.issues if i.level == "warning"],
        "can_edit": can_edit,
        "can_submit": rules.has_perm("cum4.submit_report", user, report),
        "can_mark_ready": rules.has_perm("cum4.mark_report_ready", user, report),
        # Who submits: shown to the unit's people while the report is theirs to enter.
        "submitters": selectors.unit_leaders(report.unit) if can_edit else [],
        "can_review": rules.has_perm("cum4.review_report", user, report),
        "can_reopen": rules.has_perm("cum4.reopen_report", user, report),
        "submit_form": forms.SubmitForm(initial={"version": report.version}),
        "reason_form": forms.ReasonForm(),
        "approve_form": forms.ApproveForm(),
        "derived_specs": derived_specs,
        "derived_labels": {d.code: d for s in report_sections() for d in s.derived},
    }
    return render(request, "reports/report_detail.html", context, status=status)


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The entry page: GET shows the report; POST saves the typed values of a draft."""
    report = _get_report_for_user(request, pk)
    if request.method != "POST":
        return _render_detail(request, report)
    section_forms = forms.report_forms(data=request.POST)
    if not rules.has_perm("cum4.edit_report", request.user, report):
        if not is_report_unit_member(request.user, report):
            raise PermissionDenied
        # Submitted or approved while this person was typing: show what they typed, save
        # nothing, say why.
        if forms.forms_valid(section_forms):
            messages.error(
                request,
                _("The report is %(state)s: it can no longer be changed, nothing was saved.")
                % {"state": report.get_state_display()},
            )
        return _render_detail(request, report, section_forms=section_forms, status=409)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    if not forms.forms_valid(section_forms):
        messages.error(request, _("The report was not saved: please correct the errors."))
        return _render_detail(request, report, section_forms=section_forms, status=400)
    try:
        found = services.report_save(
            report=report,
            values=forms.values_from_forms(section_forms),
            version=version,
            by=request.user,
        )
    except services.StaleReport as stale:
        messages.error(request, stale.messages[0])
        return _render_detail(
            request, report, section_forms=section_forms, conflicts=stale.conflicts, status=409
        )
    except services.ReportInvalid as invalid:
        forms.add_issues(section_forms, invalid.issues)
        messages.error(request, invalid.messages[0])
        return _render_detail(request, report, section_forms=section_forms, status=400)
    if found:
        messages.warning(
            request,
            _("Saved, with %(count)s warning(s) to explain before submitting.")
            % {"count": len(found)},
        )
    else:
        messages.success(request, _("Saved."))
    return redirect("reports:detail", report.pk)


def _action(request, pk, run) -> HttpResponse:
    report = _get_report_for_user(request, pk)
    try:
        run(report)
    except services.WarningsNotAcknowledged as exc:
        messages.error(request, exc.messages[0])
    except services.ReportInvalid as exc:
        details = "; ".join(issue.message for issue in exc.issues[:8])
        messages.error(request, f"{exc.messages[0]} {details}")
    except services.StaleReport as exc:
        messages.error(request, exc.messages[0])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("reports:detail", report.pk)


@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    form = forms.SubmitForm(request.POST)
    form.is_valid()
    data = form.cleaned_data

    def run(report):
        services.report_submit(
            report=report,
            version=data.get("version") or -1,
            comment=data.get("comment", ""),
            by=request.user,
        )
        messages.success(request, _("Submitted to the cluster lead."))

    return _action(request, pk, run)


@require_POST
def report_mark_ready(request: HttpRequest, pk: int) -> HttpResponse:
    def run(report):
        services.report_mark_ready(report=report, by=request.user)
        messages.success(request, _("Your leader has been told the report is ready to submit."))

    return _action(request, pk, run)


@require_POST
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    comment = request.POST.get("comment", "")

    def run(report):
        services.report_approve(report=report, by=request.user, comment=comment)
        messages.success(request, _("Approved."))

    return _action(request, pk, run)


@require_POST
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")

    def run(report):
        services.report_return(report=report, by=request.user, reason=reason)
        messages.success(request, _("Returned to the unit."))

    return _action(request, pk, run)


@require_POST
def report_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")

    def run(report):
        services.report_reopen(report=report, by=request.user, reason=reason)
        messages.success(request, _("Reopened: the unit can correct it."))

    return _action(request, pk, run)


def status_grid_latest(request: HttpRequest) -> HttpResponse:
    """The menu's "Reporting status": the latest year the user may see that has a cluster
    (not a 404 while the current year is not set up); a page saying so when there is none."""
    cluster_year = core_selectors.default_cluster_year_for(
        user=request.user, cluster_code=request.GET.get("cluster") or None
    )
    if cluster_year is None:
        return render(request, "cum4/no_cluster_year.html")
    return redirect("reports:grid_year", cluster_year.cluster.code, cluster_year.year)


def _status_rows(request: HttpRequest, code: str, year: int):
    """The cluster year of the URL (access checked) and the rows the user may see."""
    cluster_year = get_cluster_year_or_404(code, year)
    user: User = request.user
    require_perm(user, "cum4.view_cluster_year", cluster_year)
    sees_all = is_secretariat(user) or is_viewer(user) or is_cluster_lead(user, cluster_year)
    rows = selectors.report_status_grid(
        cluster_year=cluster_year, units=None if sees_all else [user.unit]
    )
    return cluster_year, rows, sees_all


@cached_per_snapshot
def status_grid(request: HttpRequest, code: str, year: int):
    """Units × quarters of a cluster year; a unit's own people see only their row."""
    cluster_year, rows, sees_all = _status_rows(request, code, year)
    years = list(  # only the years the user may open
        core_selectors.cluster_years_visible_to(user=request.user)
        .filter(cluster=cluster_year.cluster)
        .order_by("-year")
        .values_list("year", flat=True)
    )
    return render(
        request,
        "reports/status_grid.html",
        {
            "cluster_year": cluster_year,
            "rows": rows,
            # The cells are most of the page's cost: rendered once per content of the rows.
            "grid": cached_fragment(
                "reports/_status_grid.html",
                {"rows": rows},
                key=[row.fingerprint for row in rows],
            ),
            "years": years,
            "sees_all": sees_all,
        },
    )


def status_grid_xlsx(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The status grid as a workbook: the same rows, submission dates as local dates."""
    from cum4.exports.status import status_workbook

    cluster_year, rows, _sees_all = _status_rows(request, code, year)
    response = xlsx_response(f"tinh-hinh-bao-cao-{code}-{year}.xlsx")
    status_workbook(cluster_year=cluster_year, rows=rows, output=response)
    return response
