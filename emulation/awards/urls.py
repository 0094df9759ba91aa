"""Registrations, decisions, eligibility, award histories and the yearly statistics (names in the `emulation` namespace, see emulation/urls.py)."""

from __future__ import annotations

from django.urls import path

from emulation.awards import rulebook, views
from emulation.awards.statistics import views as statistics

urlpatterns: list = [
    path("registrations/", views.registration_home, name="registration_home"),
    path("units/<slug:code>/registrations/<int:year>/", views.registration_detail,
         name="registration_detail"),
    path("clusters/<slug:code>/<int:year>/registrations/", views.registration_overview,
         name="registration_overview"),
    path("clusters/<slug:code>/<int:year>/registrations.xlsx", views.registrations_export,
         name="registrations_export"),
    path("decisions/", views.decision_list, name="decision_list"),
    path("decisions/new/", views.decision_create, name="decision_create"),
    path("decisions/<int:pk>/", views.decision_detail, name="decision_detail"),
    path("clusters/<slug:code>/<int:year>/decisions.xlsx", views.decisions_export,
         name="decisions_export"),
    path("units/<slug:code>/eligibility/<int:year>/", views.eligibility, name="eligibility"),
    path("units/<slug:code>/awards/", views.unit_awards, name="unit_awards"),
    path("rules/", rulebook.rules_page, name="rules"),
    path("rules.xlsx", rulebook.rules_export, name="rules_export"),
    path("statistics/", statistics.statistics_current, name="statistics_current"),
    path("<slug:code>/<int:year>/statistics/", statistics.statistics, name="statistics"),
    path("<slug:code>/<int:year>/statistics.xlsx", statistics.statistics_export, name="statistics_export"),
]
