"""Scoring, the vote and the ranking (names in the `emulation` namespace, see emulation/urls.py)."""

from __future__ import annotations

from django.urls import path

from emulation.scoring.views import criteria, sheets, vote

Y = "scoring/<slug:code>/<int:year>/"

urlpatterns: list = [
    path("scoring/", sheets.scoring_home, name="scoring_home"),
    path("scoring/evidence/<int:evidence_id>/", sheets.evidence_download,
         name="evidence_download"),  # before Y, which would read "evidence" as a cluster
    path(Y, sheets.scoring_year, name="scoring_year"),
    path(Y + "phase/", sheets.scoring_phase_set, name="scoring_phase"),
    path(Y + "reviewers/", sheets.cross_review_set, name="cross_review"),
    path(Y + "units/<slug:unit_code>/", sheets.score_sheet, name="score_sheet"),
    path(Y + "units/<slug:unit_code>/totals/", sheets.sheet_totals, name="sheet_totals"),
    path(Y + "units/<slug:unit_code>/evidence/<int:criterion_id>/", sheets.evidence_upload,
         name="evidence_upload"),
    path(Y + "criteria/", criteria.criteria_table, name="criteria"),
    path(Y + "criteria/create/<slug:source>/", criteria.criteria_create,
         name="criteria_create"),
    path(Y + "criteria/table/", criteria.criteria_table_edit, name="criteria_table_edit"),
    path(Y + "criteria/groups/new/", criteria.group_edit, name="group_new"),
    path(Y + "criteria/groups/<int:group_id>/", criteria.group_edit, name="group_edit"),
    path(Y + "criteria/new/", criteria.criterion_edit, name="criterion_new"),
    path(Y + "criteria/<int:criterion_id>/", criteria.criterion_edit,
         name="criterion_edit"),
    path(Y + "criteria/tie-breaks/", criteria.tie_breaks_edit, name="tie_breaks"),
    path(Y + "criteria.xlsx", criteria.criteria_export, name="criteria_export"),
    path(Y + "criteria/import/", criteria.criteria_import, name="criteria_import"),
    path(Y + "vote/", vote.vote, name="vote"),
    path(Y + "finalise/", vote.finalise, name="finalise"),
    path(Y + "ranking/", vote.ranking, name="ranking"),
    path(Y + "ranking.xlsx", vote.ranking_export, name="ranking_export"),
    path(Y + "complaints/", vote.complaints, name="complaints"),
    path(Y + "complaints/<int:complaint_id>/answer/", vote.complaint_answer,
         name="complaint_answer"),
    path(Y + "complaints/<int:complaint_id>/close/", vote.complaint_close,
         name="complaint_close"),
]
