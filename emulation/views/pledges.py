"""Pledge pages: the pledge with its units × targets matrix, targets, the lead's judgements."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4 import selectors as core_selectors
from cum4.models import Unit
from cum4.permissions import require_perm
from cum4.view_helpers import get_cluster_year_for_user
from emulation.forms.pledges import JudgementForm, PledgeForm, TargetForm
from emulation.models import ManualJudgement, PledgeTarget
from emulation.permissions_pledges import may_judge_targets, require_judge
from emulation.selectors import pledges as pledge_selectors
from emulation.services import pledges as pledge_services
from emulation.views._common import add_errors, redirect_to_current


def pledge_current(request: HttpRequest) -> HttpResponse:
    return redirect_to_current(request, "emulation:pledge_detail")


def pledge_detail(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_pledge")
    can_manage = request.user.has_perm("emulation.manage_pledge", cluster_year)
    units = [m.unit for m in core_selectors.memberships_of(cluster_year=cluster_year)]
    matrix = pledge_selectors.pledge_matrix(cluster_year=cluster_year)
    pledge_form = target_form = None
    status = 200
    if can_manage:
        pledge_form = PledgeForm(
            request.POST or None, request.FILES or None, instance=matrix.pledge, units=units
        )
        target_form = TargetForm()
    if request.method == "POST":
        require_perm(request.user, "emulation.manage_pledge", cluster_year)
        if pledge_form.is_valid():
            data = dict(pledge_form.cleaned_data)
            # A ModelForm hands back the stored file when none is sent: only a new one is saved.
            data["document"] = request.FILES.get("document")
            try:
                pledge_services.pledge_save(cluster_year=cluster_year, by=request.user, **data)
            except ValidationError as error:
                add_errors(pledge_form, error)
            else:
                messages.success(request, _("The pledge was saved."))
                return redirect("emulation:pledge_detail", code=code, year=year)
        status = 400
    return render(
        request,
        "emulation/pledge_detail.html",
        {
            "cluster_year": cluster_year,
            "matrix": matrix,
            "years": core_selectors.cluster_years_visible_to(user=request.user),
            "can_judge": may_judge_targets(request.user, cluster_year),
            "pledge_form": pledge_form,
            "target_form": target_form,
        },
        status=status,
    )


@require_POST
def pledge_target_add(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.manage_pledge")
    pledge = pledge_selectors.pledge_get(cluster_year=cluster_year)
    if pledge is None:
        raise Http404
    form = TargetForm(request.POST)
    if form.is_valid():
        try:
            pledge_services.pledge_target_add(pledge=pledge, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The target was added."))
    else:
        errors = [str(message) for messages_ in form.errors.values() for message in messages_]
        messages.error(request, " ".join(errors))
    return redirect("emulation:pledge_detail", code=code, year=year)


def pledge_target_judge(request: HttpRequest, pk: int, unit_code: str) -> HttpResponse:
    target = get_object_or_404(
        PledgeTarget.objects.select_related("pledge__cluster_year__cluster"), pk=pk
    )
    cluster_year = target.pledge.cluster_year
    require_judge(request.user, cluster_year)
    unit = get_object_or_404(Unit, code=unit_code)
    current = ManualJudgement.objects.filter(target=target, unit=unit).first()
    initial = {"status": current.status, "evidence": current.evidence} if current else None
    form = JudgementForm(request.POST or None, request.FILES or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                pledge_services.manual_target_judge(
                    target=target, unit=unit, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The judgement was recorded."))
                return redirect(
                    "emulation:pledge_detail", code=cluster_year.cluster.code, year=cluster_year.year
                )
        status = 400
    return render(
        request,
        "emulation/pledge_judge.html",
        {"target": target, "unit": unit, "form": form, "cluster_year": cluster_year},
        status=status,
    )


def _file_response(field) -> FileResponse:
    name = field.name.rsplit("/", 1)[-1]
    return FileResponse(field.open("rb"), as_attachment=True, filename=name)


def pledge_document(request: HttpRequest, code: str, year: int) -> FileResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_pledge")
    pledge = pledge_selectors.pledge_get(cluster_year=cluster_year)
    if pledge is None or not pledge.document:
        raise Http404
    return _file_response(pledge.document)


def pledge_judgement_evidence(request: HttpRequest, pk: int) -> FileResponse:
    judgement = get_object_or_404(
        ManualJudgement.objects.select_related("unit", "target__pledge__cluster_year"), pk=pk
    )
    require_perm(request.user, "emulation.view_judgement_evidence", judgement)
    if not judgement.evidence_file:
        raise Http404
    return _file_response(judgement.evidence_file)
