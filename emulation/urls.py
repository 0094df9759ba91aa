from __future__ import annotations

from django.urls import path

from emulation.views import (
    awards,
    movements,
    pledges,
    scoring,
    scoring_criteria,
    scoring_vote,
    staff,
    statistics,
)

app_name = "emulation"

Y = "scoring/<slug:code>/<int:year>/"

urlpatterns: list = [
    # Staff register and awards (staff branch).
    path("staff/", staff.staff_home, name="staff_home"),
    path("units/<slug:code>/staff/", staff.staff_list, name="staff_list"),
    path("units/<slug:code>/staff.xlsx", staff.staff_export, name="staff_export"),
    path("units/<slug:code>/staff/import/", staff.staff_import, name="staff_import"),
    path("staff/<int:pk>/", staff.staff_detail, name="staff_detail"),
    path("registrations/", awards.registration_home, name="registration_home"),
    path("units/<slug:code>/registrations/<int:year>/", awards.registration_detail,
         name="registration_detail"),
    path("clusters/<slug:code>/<int:year>/registrations/", awards.registration_overview,
         name="registration_overview"),
    path("clusters/<slug:code>/<int:year>/registrations.xlsx", awards.registrations_export,
         name="registrations_export"),
    path("decisions/", awards.decision_list, name="decision_list"),
    path("decisions/new/", awards.decision_create, name="decision_create"),
    path("decisions/<int:pk>/", awards.decision_detail, name="decision_detail"),
    path("clusters/<slug:code>/<int:year>/decisions.xlsx", awards.decisions_export,
         name="decisions_export"),
    path("units/<slug:code>/eligibility/<int:year>/", awards.eligibility, name="eligibility"),
    path("units/<slug:code>/awards/", awards.unit_awards, name="unit_awards"),
    # Movements, pledges and statistics (pledges branch).
    path("movements/", movements.movements_current, name="movements_current"),
    path("<slug:code>/<int:year>/movements/", movements.movement_list, name="movement_list"),
    path("<slug:code>/<int:year>/movements.xlsx", statistics.movement_export, name="movement_export"),
    path("movements/<int:pk>/", movements.movement_detail, name="movement_detail"),
    path(
        "movements/<int:pk>/responses/<slug:unit_code>/",
        movements.movement_response,
        name="movement_response",
    ),
    path("movements/<int:pk>/edit/", movements.movement_edit, name="movement_edit"),
    path("movements/<int:pk>/reviews/", movements.movement_review, name="movement_review"),
    path("evidence/movements/<int:pk>/", movements.movement_evidence, name="movement_evidence"),
    path("pledge/", pledges.pledge_current, name="pledge_current"),
    path("<slug:code>/<int:year>/pledge/", pledges.pledge_detail, name="pledge_detail"),
    path("<slug:code>/<int:year>/pledge/targets/", pledges.pledge_target_add, name="pledge_target_add"),
    path("<slug:code>/<int:year>/pledge/document/", pledges.pledge_document, name="pledge_document"),
    path(
        "pledge/judgements/<int:pk>/evidence/",
        pledges.pledge_judgement_evidence,
        name="pledge_judgement_evidence",
    ),
    path("<slug:code>/<int:year>/pledge.xlsx", statistics.pledge_export, name="pledge_export"),
    path(
        "pledge/targets/<int:pk>/units/<slug:unit_code>/",
        pledges.pledge_target_judge,
        name="pledge_target_judge",
    ),
    path("statistics/", statistics.statistics_current, name="statistics_current"),
    path("<slug:code>/<int:year>/statistics/", statistics.statistics, name="statistics"),
    path("<slug:code>/<int:year>/statistics.xlsx", statistics.statistics_export, name="statistics_export"),
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
