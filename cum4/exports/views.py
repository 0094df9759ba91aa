"""Offline entry: download a quarter's template, upload it, preview, confirm."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4.exports import offline
from cum4.exports.registration import CONTENT_TYPES
from cum4.permissions import require_perm
from cum4.reports.models import QuarterlyReport

SESSION_KEY = "offline_uploads"


def _get_report_for_user(request: HttpRequest, pk: int) -> QuarterlyReport:
    report = get_object_or_404(QuarterlyReport.objects.select_related("unit"), pk=pk)
    require_perm(request.user, "cum4.view_unit_workspace", report.unit)
    if not getattr(request.user, "works_in_unit", False) or request.user.unit_id != report.unit_id:
        raise PermissionDenied
    return report


def _report_page(report: QuarterlyReport) -> str:
    try:
        return reverse("reports:detail", kwargs={"pk": report.pk})
    except NoReverseMatch:
        return reverse("cum4:offline_upload", kwargs={"pk": report.pk})


def offline_template(request: HttpRequest, pk: int) -> HttpResponse:
    from cum4.reports.selectors import report_values

    report = _get_report_for_user(request, pk)
    buffer = io.BytesIO()
    offline.quarter_template(report=report, values=report_values(report), output=buffer)
    response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES["xlsx"])
    filename = f"{report.unit.code}-{report.year}-q{report.quarter}-v{report.version}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def offline_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the upload form; POST: read the file and show the preview (nothing saved yet)."""
    from cum4.reports.selectors import report_issues, report_values

    report = _get_report_for_user(request, pk)
    context: dict = {"report": report, "report_page": _report_page(report)}
    upload = request.FILES.get("file") if request.method == "POST" else None
    if request.method == "POST" and upload is None:
        context["error"] = _("Choose the filled-in template to upload.")
    if upload is not None:
        try:
            parsed = offline.template_read(file=upload)
            offline.template_check_identity(report=report, parsed=parsed)
        except ValidationError as exc:
            context["error"] = exc.messages[0]
        else:
            preview = offline.template_preview(
                report=report,
                parsed=parsed,
                stored=report_values(report),
                issues=report_issues(report, parsed.values),
            )
            uploads = request.session.get(SESSION_KEY, {})
            uploads[str(report.pk)] = {
                "unit": parsed.unit_code, "year": parsed.year, "quarter": parsed.quarter,
                "version": parsed.version, "values": parsed.values,
                "rows": parsed.rows,
            }
            request.session[SESSION_KEY] = uploads
            context["preview"] = preview
    return render(request, "cum4/offline_upload.html", context)


@require_POST
def offline_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    report = _get_report_for_user(request, pk)
    stored = request.session.get(SESSION_KEY, {}).pop(str(report.pk), None)
    request.session.modified = True
    if stored is None:
        messages.error(request, _("Upload the file again: the preview has expired."))
        return redirect("cum4:offline_upload", pk=report.pk)
    parsed = offline.ParsedTemplate(
        unit_code=stored["unit"], year=stored["year"], quarter=stored["quarter"],
        version=stored["version"], values=stored["values"], rows=stored["rows"],
    )
    try:
        warnings = offline.template_apply(report=report, parsed=parsed, by=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("cum4:offline_upload", pk=report.pk)
    messages.success(request, _("The values of the file were saved."))
    if warnings:
        messages.warning(
            request, _("The report has %(count)s warnings to explain before it is submitted.")
            % {"count": len(warnings)}
        )
    return redirect(_report_page(report))
