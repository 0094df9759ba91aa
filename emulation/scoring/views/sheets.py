"""Scoring pages: the years, a year's overview (phases, reviewers), a unit's score sheet with
running totals, evidence upload and download."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4 import selectors as core_selectors
from cum4.models import ClusterYear, Unit, User
from cum4.permissions import require_perm
from cum4.view_helpers import get_cluster_year_for_user, get_cluster_year_or_404
from emulation.scoring import selectors
from emulation.scoring.forms import (
    CrossReviewForm,
    EvidenceForm,
    PhaseForm,
    ReviewScoreForm,
    SelfScoreForm,
)
from emulation.scoring.models import Criterion, ScoreEvidence, ScoringRound
from emulation.scoring.permissions import SheetRef
from emulation.scoring.services import scores as services_scores


def _get_cluster_year_for_user(request: HttpRequest, code: str, year: int,
                               perm: str = "emulation.view_scoring") -> ClusterYear:
    return get_cluster_year_for_user(request, code, year, perm)


def _get_sheet_for_user(request: HttpRequest, code: str, year: int, unit_code: str,
                        perm: str = "emulation.view_score_sheet") -> tuple[ClusterYear, Unit,
                                                                           SheetRef]:
    cluster_year = get_cluster_year_or_404(code, year)
    unit = get_object_or_404(Unit, code=unit_code)
    ref = services_scores.sheet_ref(cluster_year=cluster_year, unit=unit)
    require_perm(request.user, perm, ref)
    return cluster_year, unit, ref


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def scoring_home(request: HttpRequest) -> HttpResponse:
    years = list(core_selectors.cluster_years_visible_to(user=request.user))
    rounds = {r.cluster_year_id: r for r in ScoringRound.objects.filter(
        cluster_year__in=years)}
    rows = [(cy, rounds.get(cy.pk)) for cy in years]
    return render(request, "emulation/scoring/scoring_home.html", {"rows": rows})


def scoring_year(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year)
    user: User = request.user
    round_ = selectors.scoring_round_of(cluster_year=cluster_year)
    progress = selectors.scoring_overview(cluster_year=cluster_year)
    members = Unit.objects.filter(memberships__cluster_year=cluster_year).order_by("name")
    is_lead = user.has_perm("emulation.run_scoring", cluster_year)
    context = {
        "cluster_year": cluster_year,
        "round": round_,
        "progress": progress,
        "has_table": selectors.table_tree(cluster_year=cluster_year).table is not None,
        "is_lead": is_lead,
        "phase_form": PhaseForm(initial={"phase": round_.phase}) if is_lead else None,
        "review_form": CrossReviewForm(members=members) if is_lead else None,
        "can_see_all": is_lead or user.has_perm("emulation.view_ranking", cluster_year),
        "can_vote": user.has_perm("emulation.cast_ballot", cluster_year),
    }
    return render(request, "emulation/scoring/scoring_year.html", context)


@require_POST
def scoring_phase_set(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, "emulation.run_scoring")
    form = PhaseForm(request.POST)
    if form.is_valid():
        try:
            round_ = services_scores.scoring_phase_set(
                cluster_year=cluster_year, phase=form.cleaned_data["phase"], by=request.user)
            messages.success(request, _("Phase set: %(phase)s.")
                             % {"phase": round_.get_phase_display()})
        except ValidationError as error:
            messages.error(request, _error_text(error))
    return redirect("emulation:scoring_year", code, year)


@require_POST
def cross_review_set(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, "emulation.run_scoring")
    members = Unit.objects.filter(memberships__cluster_year=cluster_year)
    form = CrossReviewForm(request.POST, members=members)
    if form.is_valid():
        try:
            services_scores.cross_review_assign(
                cluster_year=cluster_year, unit=form.cleaned_data["unit"],
                reviewer=form.cleaned_data["reviewer"], by=request.user)
            messages.success(request, _("Reviewer assigned."))
        except ValidationError as error:
            messages.error(request, _error_text(error))
    return redirect("emulation:scoring_year", code, year)


def score_sheet(request: HttpRequest, code: str, year: int, unit_code: str) -> HttpResponse:
    cluster_year, unit, ref = _get_sheet_for_user(request, code, year, unit_code)
    user: User = request.user
    sheet = selectors.score_sheet(cluster_year=cluster_year, unit=unit)
    phase = sheet.round.phase
    can_self = phase == ScoringRound.Phase.SELF and user.has_perm("emulation.self_score", ref)
    may_agree = user.has_perm("emulation.agree_score", ref)
    can_review = user.has_perm("emulation.review_score", ref) and (
        phase == ScoringRound.Phase.REVIEW
        or (phase == ScoringRound.Phase.FINAL and sheet.reopened is not None and may_agree))
    self_form = SelfScoreForm(sheet=sheet) if can_self else None
    review_form = ReviewScoreForm(sheet=sheet, may_agree=may_agree) if can_review else None
    status = 200
    conflict = False
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "self":
                self_form = SelfScoreForm(request.POST, sheet=sheet)
                if self_form.is_valid():
                    services_scores.score_self_save(cluster_year=cluster_year, unit=unit,
                                                    entries=self_form.entries(), by=user,
                                                    stamp=request.POST.get("stamp"))
                    messages.success(request, _("Self scores saved."))
                    return redirect("emulation:score_sheet", code, year, unit_code)
            elif action == "review":
                review_form = ReviewScoreForm(request.POST, sheet=sheet, may_agree=may_agree)
                if review_form.is_valid():
                    services_scores.score_review_save(cluster_year=cluster_year, unit=unit,
                                                      entries=review_form.entries(), by=user,
                                                      stamp=request.POST.get("stamp"))
                    messages.success(request, _("Review scores saved."))
                    return redirect("emulation:score_sheet", code, year, unit_code)
            else:
                raise Http404
        except ValidationError as error:
            messages.error(request, _error_text(error))
            conflict = any(getattr(e, "code", None) == "conflict"
                           for e in getattr(error, "error_list", []))
            if hasattr(error, "error_dict"):
                form = self_form if action == "self" else review_form
                for field, errors in error.message_dict.items():
                    if form is not None and field in form.fields:
                        form.add_error(field, errors)
        status = 400
    context = {
        "cluster_year": cluster_year,
        "unit": unit,
        "sheet": sheet,
        "self_form": self_form,
        "review_form": review_form,
        "may_agree": may_agree,
        "can_upload": can_self,
        "evidence_form": EvidenceForm() if can_self else None,
        "can_download": user.has_perm("emulation.download_evidence", ref),
        "conflict": conflict,
        "show_review": sheet.round.review_closed or user.has_perm("emulation.review_score", ref)
        or user.has_perm("cum4.administer"),
    }
    return render(request, "emulation/scoring/scoring_sheet.html", context, status=status)


@require_POST
def sheet_totals(request: HttpRequest, code: str, year: int, unit_code: str) -> HttpResponse:
    """Running totals (htmx) of the values being typed, before they are saved."""
    cluster_year, unit, _ref = _get_sheet_for_user(request, code, year, unit_code)
    sheet = selectors.score_sheet(cluster_year=cluster_year, unit=unit)
    layer = "self" if request.POST.get("action") == "self" else "review"
    values = {}
    for line in sheet.lines:
        cid = line.criterion.pk
        if layer == "self":
            raw = request.POST.get(f"self_{cid}")
        else:
            raw = request.POST.get(f"agreed_{cid}") or request.POST.get(f"review_{cid}")
        values[cid] = line.computed if line.computed is not None else selectors.parse_points(raw)
    totals = selectors.compute_totals(sheet.tree, values)
    return render(request, "emulation/scoring/scoring_sheet_totals.html",
                  {"sheet": sheet, "live": totals, "layer": layer})


@require_POST
def evidence_upload(request: HttpRequest, code: str, year: int, unit_code: str,
                    criterion_id: int) -> HttpResponse:
    cluster_year, unit, _ref = _get_sheet_for_user(request, code, year, unit_code,
                                                   "emulation.self_score")
    criterion = get_object_or_404(Criterion.objects.select_related("group__table"),
                                  pk=criterion_id, group__table__cluster_year=cluster_year)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
    else:
        try:
            evidence = services_scores.score_evidence_add(
                cluster_year=cluster_year, unit=unit, criterion=criterion,
                upload=form.cleaned_data["file"], by=request.user)
            messages.success(request, _("Evidence %(name)s added.")
                             % {"name": evidence.original_name})
        except ValidationError as error:
            return render(request, "emulation/scoring/scoring_evidence_error.html",
                          {"cluster_year": cluster_year, "unit": unit,
                           "error": _error_text(error)}, status=400)
    return redirect("emulation:score_sheet", code, year, unit_code)


def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    evidence = get_object_or_404(
        ScoreEvidence.objects.select_related("score__unit",
                                             "score__criterion__group__table__cluster_year"),
        pk=evidence_id)
    cluster_year = evidence.score.criterion.group.table.cluster_year
    ref = services_scores.sheet_ref(cluster_year=cluster_year, unit=evidence.score.unit)
    if not request.user.has_perm("emulation.download_evidence", ref):
        raise PermissionDenied
    return FileResponse(evidence.file.open("rb"), as_attachment=True,
                        filename=evidence.original_name)
