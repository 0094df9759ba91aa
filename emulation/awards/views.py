"""Pages of registrations, decisions, eligibility and award histories."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.backends.utils import csrf_input
from django.utils import timezone
from django.utils.translation import gettext as _

from cum4 import selectors as core_selectors
from cum4.models import Unit
from cum4.permissions import require_perm
from cum4.view_helpers import get_cluster_year_for_user, get_cluster_year_or_404, xlsx_response
from emulation.awards import review_steps, selectors, services
from emulation.awards.eligibility import unit_eligibility
from emulation.awards.eligibility_page import collective_rows, staff_page
from emulation.awards.export import decisions_workbook, registrations_workbook
from emulation.awards.forms import (
    ConfirmConditionForm,
    DecisionForm,
    DecisionItemForm,
    DecisionProposerForm,
    RegistrationItemForm,
)
from emulation.awards.models import (
    Award,
    ConditionConfirmation,
    Decision,
    DecisionItem,
    RegistrationItem,
)
from emulation.movements.selectors.deadlines import registration_deadline
from emulation.staff.models import StaffMember
from emulation.staff.permissions import UnitYear
from emulation.staff.selectors import pending_flags, people_of_unit_in_year


def _get_unit_year_for_user(request: HttpRequest, code: str, year: int, perm: str) -> UnitYear:
    unit_year = UnitYear(get_object_or_404(Unit, code=code), year)
    require_perm(request.user, perm, unit_year)
    return unit_year




# Registrations ------------------------------------------------------------------------------


def registration_home(request: HttpRequest) -> HttpResponse:
    """Where registrations are: the user's unit's, and the cluster years they may see whole."""
    user = request.user
    year = int(request.GET.get("year") or timezone.localdate().year)
    cluster_years = [
        cy for cy in core_selectors.cluster_years_visible_to(user=user).filter(year=year)
        if user.has_perm("emulation.view_cluster_registrations", cy)
    ]
    return render(
        request,
        "emulation/awards/awards_registration_home.html",
        {"year": year, "cluster_years": cluster_years, "deadline":
         registration_deadline(year=year)},
    )


def registration_detail(request: HttpRequest, code: str, year: int) -> HttpResponse:
    unit_year = _get_unit_year_for_user(request, code, year, "emulation.view_registration")
    unit, user = unit_year.unit, request.user
    people = people_of_unit_in_year(unit=unit, year=year)
    titles = Award.objects.filter(category=Award.Category.TITLE)
    form = RegistrationItemForm(people=people, awards=titles)
    if request.method == "POST":
        action = request.POST.get("action")
        if action in review_steps.STEPS:  # the service checks who may take the step
            return review_steps.registration_step(request, unit_year, action)
        require_perm(user, "emulation.edit_registration", unit_year)
        try:
            if action == "add":
                form = RegistrationItemForm(request.POST, people=people, awards=titles)
                if form.is_valid():
                    services.registration_item_add(
                        unit=unit, year=year, award=form.cleaned_data["award"],
                        staff_member=form.cleaned_data["staff_member"], by=user,
                    )
                    messages.success(request, _("Title registered."))
                    return redirect("emulation:registration_detail", code=code, year=year)
            elif action == "remove":
                item = get_object_or_404(
                    RegistrationItem.objects.select_related("registration"),
                    pk=request.POST.get("item"), registration__unit=unit, registration__year=year,
                )
                services.registration_item_remove(item=item, by=user)
                return redirect("emulation:registration_detail", code=code, year=year)
            else:
                raise Http404
        except ValidationError as error:
            form.add_error(None, error)
    registration = selectors.registration_get(unit=unit, year=year)
    deadline = registration_deadline(year=year)
    eligibility = unit_eligibility(unit=unit, year=year)
    rows = []
    for item in registration.items.all() if registration else []:
        if item.staff_member_id:
            person = eligibility.person(item.staff_member_id)
            result = person.results.get(item.award_id) if person else None
            pending = person.pending_complaint if person else False
        else:
            result = eligibility.collective.get(item.award_id)
            pending = eligibility.pending_complaint
        rows.append({"item": item, "result": result, "pending": pending})
    return render(
        request,
        "emulation/awards/awards_registration.html",
        {
            "unit": unit,
            "year": year,
            "unit_year": unit_year,
            "registration": registration,
            "rows": rows,
            "deadline": deadline,
            "late": registration is not None
            and selectors.registration_is_late(registration, deadline),
            "overdue": registration is None
            and deadline is not None
            and timezone.localdate() > deadline,
            "form": form,
            "eligibility": eligibility,
            **review_steps.registration_review_context(user, unit_year, registration),
        },
    )


def registration_overview(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """Every member unit's registration of a cluster year (the lead's view)."""
    cluster_year = get_cluster_year_for_user(
        request, code, year, "emulation.view_cluster_registrations"
    )
    deadline = registration_deadline(year=year)
    entries = selectors.registrations_of_cluster_year(cluster_year=cluster_year)
    flags = pending_flags(
        unit_ids=[e["membership"].unit_id for e in entries],
        staff_ids=[item.staff_member_id for e in entries if e["registration"]
                   for item in e["registration"].items.all() if item.staff_member_id],
        on=timezone.localdate(),
    )
    for entry in entries:
        registration = entry["registration"]
        entry["late"] = bool(registration) and selectors.registration_is_late(
            registration, deadline
        )
        entry["pending"] = flags.unit(entry["membership"].unit_id)
        entry["items"] = [
            (item, flags.staff(item.staff_member_id) if item.staff_member_id else entry["pending"])
            for item in (registration.items.all() if registration else [])
        ]
    return render(
        request,
        "emulation/awards/awards_registration_overview.html",
        {"cluster_year": cluster_year, "entries": entries, "deadline": deadline},
    )


def registrations_export(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = get_cluster_year_for_user(
        request, code, year, "emulation.view_cluster_registrations"
    )
    entries = selectors.registrations_of_cluster_year(cluster_year=cluster_year)
    deadline = registration_deadline(year=year)
    registrations = [e["registration"] for e in entries if e["registration"]]
    late = {r.pk for r in registrations if selectors.registration_is_late(r, deadline)}
    items = (
        RegistrationItem.objects.filter(registration__in=registrations)
        .select_related("registration__unit", "award", "staff_member")
        .order_by("registration__unit__name", "staff_member__full_name", "award__sort_order")
    )
    flags = pending_flags(
        unit_ids=[e["membership"].unit_id for e in entries],
        staff_ids=[item.staff_member_id for item in items if item.staff_member_id],
        on=timezone.localdate(),
    )
    response = xlsx_response(f"dang-ky-thi-dua-{code}-{year}.xlsx")
    registrations_workbook(items=items, year=year, late=late, pending=flags, output=response)
    return response


# Decisions ----------------------------------------------------------------------------------


def decision_list(request: HttpRequest) -> HttpResponse:
    require_perm(request.user, "emulation.view_decisions")
    year = request.GET.get("year")
    year = int(year) if year and year.isdigit() else None
    return render(
        request,
        "emulation/awards/awards_decision_list.html",
        {
            "decisions": selectors.decisions_list(year=year),
            "year": year,
            "years": Decision.objects.order_by("-year").values_list("year", flat=True).distinct(),
            "cluster_years": core_selectors.cluster_years_visible_to(user=request.user)
            if year is None
            else core_selectors.cluster_years_visible_to(user=request.user).filter(year=year),
        },
    )


def decision_create(request: HttpRequest) -> HttpResponse:
    require_perm(request.user, "emulation.manage_decisions")
    form = DecisionForm(
        request.POST or None, request.FILES or None, initial={"method": Decision.Method.REGULAR}
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision = services.decision_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("emulation:decision_detail", pk=decision.pk)
    return render(request, "emulation/awards/awards_decision_form.html", {"form": form})


def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_perm(request.user, "emulation.view_decisions")
    found = selectors.decision_get(pk=pk)
    if found is None:
        raise Http404
    decision, items = found
    form = proposer_form = None
    if request.user.has_perm("emulation.manage_decisions"):
        kwargs = {"units": Unit.objects.all(), "people": StaffMember.objects.all()}
        form = DecisionItemForm(**kwargs)
        proposer_form = DecisionProposerForm(instance=decision)
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "remove":
                item = get_object_or_404(DecisionItem, pk=request.POST.get("item"),
                                         decision=decision)
                services.decision_item_remove(item=item, by=request.user)
                return redirect("emulation:decision_detail", pk=pk)
            if action == "proposer":
                proposer_form = DecisionProposerForm(request.POST, instance=decision)
                if _proposer_saved(proposer_form, decision, request):
                    return redirect("emulation:decision_detail", pk=pk)
            else:
                form = DecisionItemForm(request.POST, **kwargs)
                if form.is_valid():
                    try:
                        services.decision_item_add(decision=decision, by=request.user,
                                                   **form.cleaned_data)
                    except ValidationError as error:
                        form.add_error(None, error)
                    else:
                        return redirect("emulation:decision_detail", pk=pk)
    elif request.method == "POST":
        require_perm(request.user, "emulation.manage_decisions")
    total = sum(amount or 0 for _item, amount in items)
    state_level = any(item.award.level == Award.Level.STATE for item, _amount in items)
    return render(
        request,
        "emulation/awards/awards_decision_detail.html",
        {"decision": decision, "items": items, "total": total, "form": form,
         "proposer_form": proposer_form if state_level or decision.proposer else None,
         "state_level": state_level},
    )


def _proposer_saved(form: DecisionProposerForm, decision: Decision, request: HttpRequest) -> bool:
    """Record the submitter from `form`; False (errors on the form) when refused."""
    proposer = decision.proposer  # the form's validation writes the posted value into it
    if not form.is_valid():
        decision.proposer = proposer
        return False
    try:
        services.decision_proposer_set(
            decision=decision, proposer=form.cleaned_data["proposer"], by=request.user
        )
    except ValidationError as error:
        decision.proposer = proposer
        form.add_error(None, error)
        return False
    return True


def decisions_export(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The awards granted for a year to the members of a cluster year, with cash rewards."""
    require_perm(request.user, "emulation.view_decisions")
    cluster_year = get_cluster_year_or_404(code, year)
    items = list(selectors.decision_items_of_cluster_year(cluster_year=cluster_year))
    prices = {item.pk: amount for item, amount in selectors.decision_items_priced(items)}
    response = xlsx_response(f"quyet-dinh-khen-thuong-{code}-{year}.xlsx")
    decisions_workbook(items=items, year=year, prices=prices, output=response)
    return response


# Eligibility and histories ------------------------------------------------------------------


def eligibility(request: HttpRequest, code: str, year: int) -> HttpResponse:
    unit_year = _get_unit_year_for_user(request, code, year, "emulation.view_eligibility")
    unit = unit_year.unit
    form = ConfirmConditionForm()
    if request.method == "POST":
        require_perm(request.user, "emulation.confirm_condition", unit_year)
        if request.POST.get("action") == "withdraw":
            confirmation = get_object_or_404(
                ConditionConfirmation, pk=request.POST.get("confirmation"), unit=unit, year=year
            )
            services.condition_withdraw(confirmation=confirmation, by=request.user)
            return redirect("emulation:eligibility", code=code, year=year)
        form = ConfirmConditionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            award = get_object_or_404(Award, code=data["award"])
            person = None
            if data["staff_member"]:
                person = get_object_or_404(
                    people_of_unit_in_year(unit=unit, year=year), pk=data["staff_member"]
                )
            try:
                services.condition_confirm(
                    award=award, year=year, unit=unit, staff_member=person,
                    condition=data["condition"], evidence=data["evidence"], by=request.user,
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Condition confirmed."))
                return redirect("emulation:eligibility", code=code, year=year)
        else:
            messages.error(request, _("Write the evidence for the condition."))
    on = None
    if request.GET.get("on"):
        try:
            on = dt.date.fromisoformat(request.GET["on"])
        except ValueError:
            on = None
    result = unit_eligibility(unit=unit, year=year, on=on)
    can_confirm = request.user.has_perm("emulation.confirm_condition", unit_year)
    query = request.GET.get("q", "")
    page, rows = staff_page(result, query=query, number=request.GET.get("page"),
                            can_confirm=can_confirm, csrf=csrf_input(request))
    return render(
        request,
        "emulation/awards/awards_eligibility.html",
        {
            "unit": unit,
            "year": year,
            "result": result,
            "form": form,
            "can_confirm": can_confirm,
            "query": query,
            "page_obj": page,
            "rows": rows,
            "collective": collective_rows(result, can_confirm=can_confirm, csrf=csrf_input(request)),
        },
    )


def unit_awards(request: HttpRequest, code: str) -> HttpResponse:
    """A unit's award history: what the unit received, and what its people received there."""
    require_perm(request.user, "emulation.view_decisions")
    unit = get_object_or_404(Unit, code=code)
    return render(
        request,
        "emulation/awards/awards_history.html",
        {
            "unit": unit,
            "collective": selectors.award_history(unit=unit),
            "individual": selectors.award_history_of_unit_people(unit=unit)
            if request.user.has_perm("emulation.view_unit_staff", unit)
            else None,
        },
    )
