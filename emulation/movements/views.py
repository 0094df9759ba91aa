"""Movement pages: the year's list (and recording one), a movement with every unit's response."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4 import selectors as core_selectors
from cum4.models import Unit
from cum4.permissions import require_perm
from cum4.view_helpers import (
    add_errors,
    get_cluster_year_for_user,
    redirect_to_current,
    xlsx_response,
)
from emulation.movements import services as movement_services
from emulation.movements import services as pledge_services
from emulation.movements.export import movements_workbook, pledge_workbook
from emulation.movements.forms import (
    JudgementForm,
    MovementForm,
    PledgeForm,
    ResponseForm,
    ReviewForm,
    TargetForm,
)
from emulation.movements.models import ManualJudgement, Movement, PledgeTarget
from emulation.movements.permissions import may_judge_targets, require_judge
from emulation.movements.selectors import movements as movement_selectors
from emulation.movements.selectors import pledges as pledge_selectors
from emulation.movements.selectors.pledges import pledge_matrix


def movements_current(request: HttpRequest) -> HttpResponse:
    return redirect_to_current(request, "emulation:movement_list")


def movement_list(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_movements")
    units = [m.unit for m in core_selectors.memberships_of(cluster_year=cluster_year)]
    can_add = request.user.has_perm("emulation.add_movement", cluster_year)
    form = MovementForm(request.POST or None, units=units) if can_add else None
    status = 200
    if request.method == "POST":
        require_perm(request.user, "emulation.add_movement", cluster_year)
        if form.is_valid():
            try:
                movement = movement_services.movement_create(
                    cluster_year=cluster_year, data=form.cleaned_data, by=request.user
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The movement was recorded."))
                return redirect("emulation:movement_detail", pk=movement.pk)
        status = 400
    return render(
        request,
        "emulation/movements/movement_list.html",
        {
            "cluster_year": cluster_year,
            "movements": movement_selectors.movements_of(cluster_year=cluster_year),
            "years": core_selectors.cluster_years_visible_to(user=request.user),
            "form": form,
        },
        status=status,
    )


def _get_movement_for_user(request: HttpRequest, pk: int) -> Movement:
    movement = movement_selectors.movement_get(pk=pk)
    if movement is None:
        raise Http404
    require_perm(request.user, "emulation.view_movements", movement.cluster_year)
    return movement


def movement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _get_movement_for_user(request, pk)
    return _render_detail(request, movement)


def _render_detail(
    request: HttpRequest,
    movement: Movement,
    form: ResponseForm | None = None,
    status: int = 200,
    edit_form: MovementForm | None = None,
) -> HttpResponse:
    rows = movement_selectors.movement_responses(movement=movement, user=request.user)
    own = next((row for row in rows if row.can_edit), None)
    if form is None and own is not None:
        response = own.response
        form = ResponseForm(
            initial={
                "activities": response.activities if response else "",
                "results": response.results if response else "",
                "amount_vnd": response.amount_vnd if response else 0,
                "seen_version": movement_services.version_of(response),
            }
        )
    can_review = request.user.has_perm("emulation.manage_pledge", movement.cluster_year)
    return render(
        request,
        "emulation/movements/movement_detail.html",
        {
            "movement": movement,
            "rows": rows,
            "own": own,
            "form": form,
            "reviews": movement_selectors.movement_reviews(movement=movement),
            "review_form": ReviewForm() if can_review else None,
            "edit_form": edit_form or _edit_form(request, movement),
        },
        status=status,
    )


def _edit_form(request: HttpRequest, movement: Movement, data=None) -> MovementForm | None:
    if not request.user.has_perm("emulation.change_movement", movement):
        return None
    units = [m.unit for m in core_selectors.memberships_of(cluster_year=movement.cluster_year)]
    return MovementForm(data, instance=movement, units=units, prefix="edit")


@require_POST
def movement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _get_movement_for_user(request, pk)
    require_perm(request.user, "emulation.change_movement", movement)
    form = _edit_form(request, movement, request.POST)
    if form.is_valid():
        try:
            movement_services.movement_update(
                movement=movement, data=form.cleaned_data, by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The movement was corrected."))
            return redirect("emulation:movement_detail", pk=movement.pk)
    # A ModelForm writes the typed values on its instance: show the stored movement above.
    fresh = movement_selectors.movement_get(pk=pk)
    return _render_detail(request, fresh, status=400, edit_form=form)


@require_POST
def movement_response(request: HttpRequest, pk: int, unit_code: str) -> HttpResponse:
    movement = _get_movement_for_user(request, pk)
    unit = get_object_or_404(Unit, code=unit_code)
    require_perm(request.user, "emulation.edit_movement_response", unit)
    form = ResponseForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            movement_services.movement_response_with_evidence(
                movement=movement,
                unit=unit,
                activities=form.cleaned_data["activities"],
                results=form.cleaned_data["results"],
                amount_vnd=form.cleaned_data["amount_vnd"] or 0,
                files=form.cleaned_data["files"],
                by=request.user,
                seen_version=form.cleaned_data["seen_version"],
            )
        except ValidationError as error:
            add_errors(form, error)
            if any(e.code == "conflict" for e in getattr(error, "error_list", [])):
                # Saving again now means "replace theirs": start from the version just shown.
                form.data = form.data.copy()
                form.data["seen_version"] = movement_services.current_version(movement=movement, unit=unit)
        else:
            messages.success(request, _("The response of %(unit)s was saved.") % {"unit": unit})
            return redirect("emulation:movement_detail", pk=movement.pk)
    return _render_detail(request, movement, form=form, status=400)


@require_POST
def movement_review(request: HttpRequest, pk: int) -> HttpResponse:
    movement = _get_movement_for_user(request, pk)
    require_perm(request.user, "emulation.manage_pledge", movement.cluster_year)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            movement_services.movement_review_save(movement=movement, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The review was recorded."))
    else:
        messages.error(request, _("The review was not recorded: check the date and the kind."))
    return redirect("emulation:movement_detail", pk=movement.pk)


def movement_evidence(request: HttpRequest, pk: int) -> FileResponse:
    evidence = movement_selectors.evidence_get(pk=pk)
    if evidence is None:
        raise Http404
    require_perm(request.user, "emulation.view_movement_evidence", evidence.response)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )


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
        "emulation/movements/pledge_detail.html",
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
        "emulation/movements/pledge_judge.html",
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


def pledge_export(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_pledge")
    buffer = io.BytesIO()
    pledge_workbook(pledge_matrix(cluster_year=cluster_year), buffer)
    return xlsx_response(f"giao-uoc-{code}-{year}.xlsx", buffer.getvalue())


def movement_export(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_movements")
    buffer = io.BytesIO()
    movements_workbook(cluster_year=cluster_year, output=buffer)
    return xlsx_response(f"phong-trao-{code}-{year}.xlsx", buffer.getvalue())
