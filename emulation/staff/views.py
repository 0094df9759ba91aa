"""Pages of the staff register: a unit's people, one person's history, Excel in and out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4.models import Unit
from cum4.permissions import require_perm
from cum4.view_helpers import xlsx_response
from emulation.staff import selectors, services
from emulation.staff.forms import (
    DisciplineForm,
    ImportForm,
    InitiativeForm,
    PersonForm,
    RatingForm,
    StaffCreateForm,
    StaffMoveForm,
)
from emulation.staff.list_page import rows_html
from emulation.staff.models import StaffMember
from emulation.staff.workbook import staff_export_xlsx, staff_import_xlsx


class PersonPanel(Protocol):
    """A section a feature above staff adds to a person's page (awards: the award history)."""

    template_name: str


# Filled at start-up by the features above staff (their `registry.register()`); staff only
# renders the panels and imports none of those features, so the dependency points one way.
PERSON_PANELS: list[Callable[[StaffMember], PersonPanel]] = []


def _get_unit_for_user(request: HttpRequest, code: str, perm: str) -> Unit:
    unit = get_object_or_404(Unit, code=code)
    require_perm(request.user, perm, unit)
    return unit


def _get_staff_member_for_user(request: HttpRequest, pk: int, perm: str) -> StaffMember:
    member = selectors.staff_member_get(pk=pk)
    if member is None:
        raise Http404
    require_perm(request.user, perm, member)
    return member


def staff_home(request: HttpRequest) -> HttpResponse:
    """The user's unit's register, or the list of units for the secretariat."""
    if request.user.works_in_unit:
        return redirect("emulation:staff_list", code=request.user.unit.code)
    require_perm(request.user, "emulation.view_unit_staff", None)
    return render(request, "emulation/staff/staff_home.html", {"units": Unit.objects.all()})


def staff_list(request: HttpRequest, code: str) -> HttpResponse:
    unit = _get_unit_for_user(request, code, "emulation.view_unit_staff")
    today = timezone.localdate()
    form = StaffCreateForm(initial={"start": today})
    if request.method == "POST":
        require_perm(request.user, "emulation.edit_unit_staff", unit)
        form = StaffCreateForm(request.POST)
        if form.is_valid():
            try:
                member = services.staff_member_create(unit=unit, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("%(name)s added to the register.") % {"name": member})
                return redirect("emulation:staff_list", code=unit.code)
    include_former = request.GET.get("former") == "1"
    years = list(range(today.year - 4, today.year + 1))
    query = request.GET.get("q", "")
    page, rows = selectors.staff_of_unit(
        unit=unit, on=today, years=years, include_former=include_former, query=query,
        page=request.GET.get("page"),
    )
    return render(
        request,
        "emulation/staff/staff_list.html",
        {
            "unit": unit,
            "rows": rows_html(rows, years),
            "page_obj": page,
            "query": query,
            "years": years,
            "include_former": include_former,
            "form": form,
            "import_form": ImportForm(),
        },
    )


def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = _get_staff_member_for_user(request, pk, "emulation.view_unit_staff")
    current = member.assignments.all()[0] if member.assignments.all() else None
    year = timezone.localdate().year
    forms = {
        "person": PersonForm.for_member(member),
        "rating": RatingForm(initial={"year": year}),
        "discipline": DisciplineForm(initial={"year": year}),
        "initiative": InitiativeForm(initial={"year": year}),
        "move": StaffMoveForm(units=Unit.objects.all(), initial={"unit": current and current.unit}),
    }
    conflict = None
    if request.method == "POST":
        require_perm(request.user, "emulation.edit_unit_staff", member)
        kind = request.POST.get("form")
        if kind not in forms:
            raise Http404
        bound = (
            StaffMoveForm(request.POST, units=Unit.objects.all())
            if kind == "move"
            else type(forms[kind])(request.POST)
        )
        forms[kind] = bound
        if bound.is_valid():
            try:
                _apply(kind, bound, member, current, request)
            except services.EditConflict as error:
                conflict = error.current
                bound.add_error(None, error)
            except ValidationError as error:
                bound.add_error(None, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("emulation:staff_detail", pk=member.pk)
    return render(
        request,
        "emulation/staff/staff_detail.html",
        {
            "member": member,
            "current": current,
            "forms": forms,
            "panels": [panel(member) for panel in PERSON_PANELS],
            "pending": selectors.pending_complaints(staff_member=member, on=timezone.localdate()),
            "conflict": conflict,
        },
    )


def _apply(kind: str, form, member: StaffMember, current, request: HttpRequest) -> None:
    data = form.cleaned_data
    if kind == "person":
        services.staff_member_update(
            staff_member=member, full_name=data["full_name"], birth_year=data["birth_year"],
            note=data["note"], loaded=form.loaded(), by=request.user,
        )
    elif kind == "rating":
        if current is None:
            raise ValidationError(_("This person has no unit to be rated in."))
        services.rating_set(staff_member=member, unit=current.unit, by=request.user, **data)
    elif kind == "discipline":
        services.discipline_add(staff_member=member, by=request.user, **data)
    elif kind == "initiative":
        services.initiative_add(staff_member=member, by=request.user, **data)
    else:
        # Moving someone into another unit is still an edit of this person's record; the new
        # unit's staff take them over from then on.
        services.staff_member_move(staff_member=member, by=request.user, **data)


def staff_export(request: HttpRequest, code: str) -> HttpResponse:
    unit = _get_unit_for_user(request, code, "emulation.view_unit_staff")
    response = xlsx_response(f"can-bo-{unit.code}.xlsx")
    staff_export_xlsx(unit=unit, output=response)
    return response


@require_POST
def staff_import(request: HttpRequest, code: str) -> HttpResponse:
    """All or nothing: any bad row and nothing is saved; every bad row is named."""
    unit = _get_unit_for_user(request, code, "emulation.edit_unit_staff")
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an Excel file to import."))
        return redirect("emulation:staff_list", code=unit.code)
    errors, count = staff_import_xlsx(unit=unit, upload=form.cleaned_data["file"], by=request.user)
    if errors:
        for error in errors:
            messages.error(request, error)
        messages.error(request, _("Nothing was imported: correct the rows above and try again."))
    else:
        messages.success(request, _("%(count)s rows imported.") % {"count": count})
    return redirect("emulation:staff_list", code=unit.code)
