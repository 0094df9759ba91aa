from __future__ import annotations

from django.urls import path

from emulation.views import scoring, scoring_criteria, scoring_vote

app_name = "emulation"

Y = "scoring/<slug:code>/<int:year>/"

urlpatterns: list = [
    # scoring, vote and ranking (issue 5)
    path("scoring/", scoring.scoring_home, name="scoring_home"),
    path("scoring/evidence/<int:evidence_id>/", scoring.evidence_download,
         name="evidence_download"),  # before Y, which would read "evidence" as a cluster
    path(Y, scoring.scoring_year, name="scoring_year"),
    path(Y + "phase/", scoring.scoring_phase_set, name="scoring_phase"),
    path(Y + "reviewers/", scoring.cross_review_set, name="cross_review"),
    path(Y + "units/<slug:unit_code>/", scoring.score_sheet, name="score_sheet"),
    path(Y + "units/<slug:unit_code>/totals/", scoring.sheet_totals, name="sheet_totals"),
    path(Y + "units/<slug:unit_code>/evidence/<int:criterion_id>/", scoring.evidence_upload,
         name="evidence_upload"),
    path(Y + "criteria/", scoring_criteria.criteria_table, name="criteria"),
    path(Y + "criteria/create/<slug:source>/", scoring_criteria.criteria_create,
         name="criteria_create"),
    path(Y + "criteria/table/", scoring_criteria.criteria_table_edit, name="criteria_table_edit"),
    path(Y + "criteria/groups/new/", scoring_criteria.group_edit, name="group_new"),
    path(Y + "criteria/groups/<int:group_id>/", scoring_criteria.group_edit, name="group_edit"),
    path(Y + "criteria/new/", scoring_criteria.criterion_edit, name="criterion_new"),
    path(Y + "criteria/<int:criterion_id>/", scoring_criteria.criterion_edit,
         name="criterion_edit"),
    path(Y + "criteria/tie-breaks/", scoring_criteria.tie_breaks_edit, name="tie_breaks"),
    path(Y + "criteria.xlsx", scoring_criteria.criteria_export, name="criteria_export"),
    path(Y + "criteria/import/", scoring_criteria.criteria_import, name="criteria_import"),
    path(Y + "vote/", scoring_vote.vote, name="vote"),
    path(Y + "finalise/", scoring_vote.finalise, name="finalise"),
    path(Y + "ranking/", scoring_vote.ranking, name="ranking"),
    path(Y + "ranking.xlsx", scoring_vote.ranking_export, name="ranking_export"),
    path(Y + "complaints/", scoring_vote.complaints, name="complaints"),
    path(Y + "complaints/<int:complaint_id>/answer/", scoring_vote.complaint_answer,
         name="complaint_answer"),
    path(Y + "complaints/<int:complaint_id>/close/", scoring_vote.complaint_close,
         name="complaint_close"),
]
