from __future__ import annotations

from django.urls import path

from emulation.views import awards, movements, pledges, staff, statistics

app_name = "emulation"

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
]
