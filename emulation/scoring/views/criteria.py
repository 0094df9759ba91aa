"""The criteria table of a year: read by the members, edited by the secretariat in the
browser and through Excel; the sample table and the copy of last year's table."""

from __future__ import annotations

import io
import zipfile

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4.exports.tabular import write_workbook
from cum4.view_helpers import xlsx_response
from emulation.scoring import selectors
from emulation.scoring.export import workbook_rows
from emulation.scoring.forms import (
    CriteriaGroupForm,
    CriteriaTableForm,
    CriterionForm,
    SpreadsheetForm,
    TieBreakForm,
)
from emulation.scoring.models import CriteriaGroup, CriteriaTable, Criterion
from emulation.scoring.services import criteria as services_criteria
from emulation.scoring.views.sheets import _error_text, _get_cluster_year_for_user

MANAGE = "emulation.manage_criteria"


def _get_table(cluster_year) -> CriteriaTable:
    table = CriteriaTable.objects.filter(cluster_year=cluster_year).first()
    if table is None:
        raise Http404
    return table


def criteria_table(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year)
    tree = selectors.table_tree(cluster_year=cluster_year)
    can_manage = request.user.has_perm(MANAGE)
    context = {"cluster_year": cluster_year, "tree": tree, "can_manage": can_manage}
    if can_manage and tree.table:
        context.update(
            table_form=CriteriaTableForm(instance=tree.table),
            group_form=CriteriaGroupForm(initial={"position": len(tree.groups) + 1}),
            tie_form=TieBreakForm(table=tree.table, initial_groups=tree.tie_break_groups),
            import_form=SpreadsheetForm(),
        )
    return render(request, "emulation/scoring/scoring_criteria.html", context)


@require_POST
def criteria_create(request: HttpRequest, code: str, year: int, source: str) -> HttpResponse:
    """Create the year's table: `sample` (the labelled sample) or `copy` (last year's)."""
    cluster_year = _get_cluster_year_for_user(request, code, year, MANAGE)
    service = {"sample": services_criteria.criteria_table_create_sample,
               "copy": services_criteria.criteria_table_copy_previous}.get(source)
    if service is None:
        raise Http404
    try:
        service(cluster_year=cluster_year, by=request.user)
        messages.success(request, _("The criteria table is created."))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("emulation:criteria", code, year)


@require_POST
def criteria_table_edit(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, MANAGE)
    table = _get_table(cluster_year)
    form = CriteriaTableForm(request.POST, instance=CriteriaTable.objects.get(pk=table.pk))
    if form.is_valid():
        services_criteria.criteria_table_update(table=table, by=request.user,
                                                **form.cleaned_data)
        messages.success(request, _("Saved."))
    else:
        messages.error(request, _error_text(ValidationError(form.errors)))
    return redirect("emulation:criteria", code, year)


def group_edit(request: HttpRequest, code: str, year: int, group_id: int | None = None
               ) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, MANAGE)
    table = _get_table(cluster_year)
    group = (get_object_or_404(CriteriaGroup, pk=group_id, table=table) if group_id
             else CriteriaGroup(table=table))
    form = CriteriaGroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        try:
            services_criteria.criteria_group_save(group=form.instance, by=request.user)
            messages.success(request, _("Saved."))
            return redirect("emulation:criteria", code, year)
        except ValidationError as error:
            form.add_error(None, _error_text(error))
    return render(request, "emulation/scoring/scoring_criteria_form.html",
                  {"cluster_year": cluster_year, "form": form, "title": _("Criteria group")},
                  status=400 if request.method == "POST" else 200)


def criterion_edit(request: HttpRequest, code: str, year: int, criterion_id: int | None = None
                   ) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, MANAGE)
    table = _get_table(cluster_year)
    criterion = (get_object_or_404(Criterion, pk=criterion_id, group__table=table)
                 if criterion_id else Criterion(group=table.groups.order_by("position").last()))
    form = CriterionForm(request.POST or None, instance=criterion, table=table)
    if request.method == "POST":
        if request.POST.get("delete") and criterion.pk:
            try:
                services_criteria.criterion_delete(criterion=criterion, by=request.user)
                messages.success(request, _("Deleted."))
                return redirect("emulation:criteria", code, year)
            except ValidationError as error:
                form.add_error(None, _error_text(error))
        elif form.is_valid():
            try:
                services_criteria.criterion_save(criterion=form.instance, by=request.user)
                messages.success(request, _("Saved."))
                return redirect("emulation:criteria", code, year)
            except ValidationError as error:
                form.add_error(None, _error_text(error))
    return render(request, "emulation/scoring/scoring_criteria_form.html",
                  {"cluster_year": cluster_year, "form": form, "title": _("Criterion"),
                   "can_delete": criterion.pk is not None},
                  status=400 if request.method == "POST" else 200)


@require_POST
def tie_breaks_edit(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, MANAGE)
    table = _get_table(cluster_year)
    form = TieBreakForm(request.POST, table=table, initial_groups=[])
    if form.is_valid():
        try:
            services_criteria.tie_breaks_set(table=table, groups=form.groups(), by=request.user)
            messages.success(request, _("Tie-break rules saved."))
        except ValidationError as error:
            messages.error(request, _error_text(error))
    return redirect("emulation:criteria", code, year)


def criteria_export(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year)
    table = _get_table(cluster_year)
    output = io.BytesIO()
    write_workbook(output, title=_("Criteria %(year)s") % {"year": year},
                   columns=services_criteria.criteria_columns(),
                   rows=services_criteria.criteria_of_table(table=table))
    return xlsx_response(f"tieu-chi-{code}-{year}.xlsx", output.getvalue())


@require_POST
def criteria_import(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, MANAGE)
    table = _get_table(cluster_year)
    form = SpreadsheetForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose an Excel file (.xlsx)."))
        return redirect("emulation:criteria", code, year)
    try:
        rows = workbook_rows(form.cleaned_data["file"])
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        messages.error(request, _("The file is not an Excel workbook (.xlsx)."))
        return redirect("emulation:criteria", code, year)
    try:
        result = services_criteria.criteria_table_import(table=table, rows=rows, by=request.user)
        messages.success(request, _("Imported %(groups)s groups and %(criteria)s criteria.")
                         % {"groups": result.groups, "criteria": result.criteria})
    except ValidationError as error:
        messages.error(request, _("Nothing was imported. ") + _error_text(error))
    return redirect("emulation:criteria", code, year)
