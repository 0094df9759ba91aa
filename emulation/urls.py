from __future__ import annotations

from django.urls import path

from emulation.views import awards, staff

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
]
