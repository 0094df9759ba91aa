"""The dossier's pages: the year's checklist, one component (preview, written parts,
freezing, signed copies), its Word file, a signed copy, and the whole dossier as a zip."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4.models import User
from cum4.permissions import require_perm
from cum4.view_helpers import add_errors, get_cluster_year_for_user, redirect_to_current
from emulation.dossier import content, package, selectors, services, word
from emulation.dossier.forms import FreezeForm, SignedCopyForm, UnitDossierSendForm, WrittenForm
from emulation.dossier.models import Component
from emulation.dossier.permissions import UnitDossierRef, may, require

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _get_component_for_user(request: HttpRequest, code: str, year: int, pk: int,
                             perm: str = "emulation.view_component") -> Component:
    component = selectors.component_get(pk=pk)
    cluster_year = component.dossier.cluster_year if component else None
    if component is None or cluster_year.cluster.code != code or cluster_year.year != year:
        raise Http404
    require_perm(request.user, perm, component)
    return component


def dossier_home(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_dossier")
    user: User = request.user
    checklist = selectors.checklist(cluster_year=cluster_year, user=user)
    return render(request, "emulation/dossier/dossier_home.html", {
        "cluster_year": cluster_year,
        "checklist": checklist,
        "can_run": may(user, "emulation.run_dossier", cluster_year),
        "can_download": user.has_perm("emulation.download_dossier", cluster_year),
        **_units_panel(user, cluster_year, checklist),
    })


def _units_panel(user: User, cluster_year, checklist: selectors.Checklist) -> dict:
    """Who has sent their dossier (every member for the lead, the secretariat and the viewer;
    a unit's people see their own unit), and the leader's form while theirs is not sent."""
    own_unit = user.unit if getattr(user, "works_in_unit", False) else None
    if user.has_perm("emulation.view_unit_dossiers", cluster_year):
        rows = selectors.unit_dossiers(cluster_year=cluster_year, checklist=checklist)
    elif own_unit is not None:
        rows = selectors.unit_dossiers(cluster_year=cluster_year, unit=own_unit,
                                       checklist=checklist)
    else:
        rows = []
    own_sent = own_unit is not None and any(
        row.sent for row in rows if row.unit.pk == own_unit.pk)
    can_send = own_unit is not None and not own_sent and may(
        user, "emulation.send_unit_dossier", UnitDossierRef(cluster_year, own_unit))
    return {"unit_rows": rows, "own_unit": own_unit,
            "send_form": UnitDossierSendForm() if can_send else None}


@require_POST
def unit_dossier_send(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The unit's leader marks the unit's dossier sent to the lead."""
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_dossier")
    user: User = request.user
    if not getattr(user, "works_in_unit", False):
        raise PermissionDenied
    require(user, "emulation.send_unit_dossier", UnitDossierRef(cluster_year, user.unit))
    form = UnitDossierSendForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("emulation:dossier_home", code, year)
    try:
        services.unit_dossier_send(cluster_year=cluster_year, unit=user.unit, by=user,
                                   note=form.cleaned_data["note"])
        messages.success(request, _("Your unit's dossier is marked sent to the cluster's lead."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("emulation:dossier_home", code, year)


@require_POST
def dossier_open(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.view_dossier")
    require(request.user, "emulation.run_dossier", cluster_year)
    services.dossier_open(cluster_year=cluster_year, by=request.user)
    messages.success(request, _("The dossier is open: its checklist lists every component."))
    return redirect("emulation:dossier_home", code, year)


def component_detail(request: HttpRequest, code: str, year: int, pk: int) -> HttpResponse:
    component = _get_component_for_user(request, code, year, pk)
    user: User = request.user
    can_edit = not component.is_frozen and may(user, "emulation.edit_component", component)
    can_freeze = not component.is_frozen and may(user, "emulation.freeze_component", component)
    written_form = (WrittenForm(parts=content.parts_of(component), written=component.written)
                    if can_edit else None)
    freeze_form = FreezeForm() if can_freeze else None
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "write":
                require(user, "emulation.edit_component", component)
                written_form = WrittenForm(request.POST, parts=content.parts_of(component),
                                           written=component.written)
                if written_form.is_valid():
                    services.component_write(component=component,
                                             written=written_form.cleaned_data, by=user)
                    messages.success(request, _("Saved: the draft keeps its history."))
                    return redirect("emulation:dossier_component", code, year, pk)
            elif action == "freeze":
                require(user, "emulation.freeze_component", component)
                freeze_form = FreezeForm(request.POST)
                if freeze_form.is_valid():
                    services.component_freeze(component=component, by=user,
                                              **freeze_form.cleaned_data)
                    messages.success(request, _("Frozen: the document keeps its number and date "
                                                "and no longer changes."))
                    return redirect("emulation:dossier_component", code, year, pk)
            else:
                raise ValidationError(_("Unknown action."))
        except ValidationError as error:
            target = freeze_form if action == "freeze" and freeze_form else written_form
            if target is not None:
                add_errors(target, error)
            else:
                messages.error(request, " ".join(error.messages))
        status = 400
    return render(request, "emulation/dossier/dossier_component.html", {
        "cluster_year": component.dossier.cluster_year,
        "component": component,
        "content": content.assemble(component),
        "written_form": written_form,
        "freeze_form": freeze_form,
        "signed_form": SignedCopyForm() if component.is_frozen and may(
            user, "emulation.upload_signed_copy", component) else None,
        "blocked": (services.blocking_complaints(component, selectors.today())
                    if can_freeze else []),
        "history": component.history.select_related("history_user").order_by("-history_date")[:10],
    }, status=status)


def component_docx(request: HttpRequest, code: str, year: int, pk: int) -> HttpResponse:
    component = _get_component_for_user(request, code, year, pk)
    data = word.component_docx(content.assemble(component))
    response = HttpResponse(data, content_type=DOCX)
    name = f"{component.kind}-{component.dossier.unit.code if component.dossier.unit else code}-{year}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def signed_copy_upload(request: HttpRequest, code: str, year: int, pk: int) -> HttpResponse:
    component = _get_component_for_user(request, code, year, pk)
    require(request.user, "emulation.upload_signed_copy", component)
    form = SignedCopyForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the file of the signed copy."))
    else:
        try:
            services.signed_copy_upload(component=component, upload=form.cleaned_data["file"],
                                        by=request.user)
            messages.success(request, _("The signed copy is kept beside the document."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect("emulation:dossier_component", code, year, pk)


def signed_copy_download(request: HttpRequest, code: str, year: int, copy_id: int) -> FileResponse:
    copy = selectors.signed_copy_get(pk=copy_id)
    if copy is None:
        raise Http404
    _get_component_for_user(request, code, year, copy.component_id)
    return FileResponse(copy.file.open("rb"), as_attachment=True, filename=copy.original_name)


def dossier_zip(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(request, code, year, "emulation.download_dossier")
    checklist = selectors.checklist(cluster_year=cluster_year)
    if checklist.cluster is None:
        raise PermissionDenied  # nothing to send before the lead opens the dossier
    response = HttpResponse(package.dossier_zip(checklist=checklist),
                            content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="ho-so-khen-thuong-{code}-{year}.zip"'
    return response


def dossier_current(request: HttpRequest) -> HttpResponse:
    """The dossier of the user's cluster year of the current year (else the latest)."""
    return redirect_to_current(request, "emulation:dossier_home")
