"""The nomination vote, the finalisation, the ranking (page and Excel) and complaints about
results. While the vote is open no page or file says for whom anyone voted."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cum4.fragments import cached_fragment
from cum4.models import Unit, User
from cum4.page_cache import cached_per_snapshot
from cum4.permissions import require_perm
from cum4.view_helpers import xlsx_response
from emulation.scoring import selectors
from emulation.scoring.export import ranking_workbook
from emulation.scoring.forms import AnswerForm, BallotForm, ComplaintForm, FinaliseForm
from emulation.scoring.models import NominationBallot, ResultComplaint, ScoringRound
from emulation.scoring.services import scores as services_scores
from emulation.scoring.services import vote as services_vote
from emulation.scoring.views.sheets import _error_text, _get_cluster_year_for_user


def vote(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year)
    user: User = request.user
    members = Unit.objects.filter(memberships__cluster_year=cluster_year).order_by("name")
    can_vote = user.has_perm("emulation.cast_ballot", cluster_year)
    round_ = selectors.scoring_round_of(cluster_year=cluster_year)
    form = BallotForm(members=members) if can_vote else None
    status = 200
    if request.method == "POST":
        require_perm(user, "emulation.cast_ballot", cluster_year)
        form = BallotForm(request.POST, members=members)
        if form.is_valid():
            try:
                services_vote.ballot_cast(cluster_year=cluster_year,
                                          nominee=form.cleaned_data["nominee"], by=user)
                messages.success(request, _("Your unit's ballot is recorded. You may change it "
                                            "until the vote closes."))
                return redirect("emulation:vote", code, year)
            except ValidationError as error:
                form.add_error(None, _error_text(error))
        status = 400
    own = (NominationBallot.objects.filter(cluster_year=cluster_year, voter_id=user.unit_id)
           .select_related("nominee").first() if user.unit_id else None)
    context = {
        "cluster_year": cluster_year,
        "round": round_,
        "result": selectors.vote_result(cluster_year=cluster_year, members=list(members)),
        "form": form if round_.phase == ScoringRound.Phase.VOTE else None,
        "own_ballot": own,
        "is_lead": user.has_perm("emulation.run_scoring", cluster_year),
    }
    return render(request, "emulation/scoring/vote.html", context, status=status)


def finalise(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, "emulation.run_scoring")
    members = Unit.objects.filter(memberships__cluster_year=cluster_year).order_by("name")
    form = FinaliseForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        try:
            services_vote.scoring_finalise(
                cluster_year=cluster_year, merit_units=list(form.cleaned_data["merit_units"]),
                by=request.user)
            messages.success(request, _("The results are final; the proposals are created."))
            return redirect("emulation:ranking", code, year)
        except ValidationError as error:
            form.add_error(None, _error_text(error))
    ranking = selectors.ranking(cluster_year=cluster_year)
    return render(request, "emulation/scoring/ranking_finalise.html", {
        "cluster_year": cluster_year, "form": form, "ranking": ranking,
        "deadline": services_vote.dossier_deadline_for(year=cluster_year.year),
    }, status=400 if request.method == "POST" else 200)


@cached_per_snapshot
def ranking(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, "emulation.view_ranking")
    result = selectors.ranking(cluster_year=cluster_year)
    chart = {
        "labels": [row.unit.province for row in result.rows],
        "totals": [float(row.total) for row in result.rows],
        "groups": [{"label": g.name, "data": [float(row.groups[g.code]) for row in result.rows]}
                   for g in result.groups],
    }
    return render(request, "emulation/scoring/ranking.html", {
        "cluster_year": cluster_year,
        "ranking": result,
        "table_html": cached_fragment("emulation/scoring/_ranking_table.html", {"ranking": result},
                                      key=result.fingerprint),
        "chart": chart,
        "proposals": selectors.proposals_of(cluster_year=cluster_year),
        "is_lead": request.user.has_perm("emulation.run_scoring", cluster_year),
    })


def ranking_export(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, "emulation.view_ranking")
    output = io.BytesIO()
    ranking_workbook(ranking=selectors.ranking(cluster_year=cluster_year), output=output)
    return xlsx_response(f"xep-hang-{code}-{year}.xlsx", output.getvalue())


def complaints(request: HttpRequest, code: str, year: int) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year)
    user: User = request.user
    is_lead = user.has_perm("emulation.run_scoring", cluster_year)
    table = selectors.table_tree(cluster_year=cluster_year).table
    own_unit = user.unit if user.works_in_unit else None
    can_lodge = own_unit is not None and user.has_perm(
        "emulation.lodge_result_complaint",
        services_scores.sheet_ref(cluster_year=cluster_year, unit=own_unit))
    form = ComplaintForm(request.POST or None, table=table) if can_lodge else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services_vote.result_complaint_lodge(
                cluster_year=cluster_year, unit=own_unit, by=user, **form.cleaned_data)
            messages.success(request, _("Your complaint is recorded; the cluster lead will "
                                        "answer it."))
            return redirect("emulation:complaints", code, year)
        except ValidationError as error:
            form.add_error(None, _error_text(error))
    see_all = is_lead or user.has_perm("cum4.administer")
    round_ = selectors.scoring_round_of(cluster_year=cluster_year)
    return render(request, "emulation/scoring/scoring_complaints.html", {
        "cluster_year": cluster_year,
        "round": round_,
        "deadline": services_vote.complaint_deadline(round_=round_),
        "complaints": selectors.complaints_of(
            cluster_year=cluster_year, unit=None if see_all else own_unit),
        "form": form,
        "answer_form": AnswerForm() if is_lead else None,
        "is_lead": is_lead,
    }, status=400 if request.method == "POST" else 200)


@require_POST
def complaint_answer(request: HttpRequest, code: str, year: int, complaint_id: int
                     ) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, "emulation.run_scoring")
    complaint = get_object_or_404(ResultComplaint, pk=complaint_id, cluster_year=cluster_year)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision and write the answer."))
    else:
        try:
            services_vote.result_complaint_answer(
                complaint=complaint, accept=form.cleaned_data["decision"] == "accept",
                answer=form.cleaned_data["answer"], reopen=form.cleaned_data["reopen"],
                by=request.user)
            messages.success(request, _("The answer is recorded."))
        except ValidationError as error:
            messages.error(request, _error_text(error))
    return redirect("emulation:complaints", code, year)


@require_POST
def complaint_close(request: HttpRequest, code: str, year: int, complaint_id: int
                    ) -> HttpResponse:
    cluster_year = _get_cluster_year_for_user(request, code, year, "emulation.run_scoring")
    complaint = get_object_or_404(ResultComplaint, pk=complaint_id, cluster_year=cluster_year)
    try:
        services_vote.result_complaint_close_review(complaint=complaint, by=request.user)
        messages.success(request, _("The review is closed; the unit's scores are locked again."))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("emulation:complaints", code, year)
