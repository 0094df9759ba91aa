"""Movements, responses, reviews and the pledge (names in the `emulation` namespace, see emulation/urls.py)."""

from __future__ import annotations

from django.urls import path

from emulation.movements import views

urlpatterns: list = [
    path("movements/", views.movements_current, name="movements_current"),
    path("<slug:code>/<int:year>/movements/", views.movement_list, name="movement_list"),
    path("<slug:code>/<int:year>/movements.xlsx", views.movement_export, name="movement_export"),
    path("movements/<int:pk>/", views.movement_detail, name="movement_detail"),
    path(
        "movements/<int:pk>/responses/<slug:unit_code>/",
        views.movement_response,
        name="movement_response",
    ),
    path("movements/<int:pk>/edit/", views.movement_edit, name="movement_edit"),
    path("movements/<int:pk>/reviews/", views.movement_review, name="movement_review"),
    path("evidence/movements/<int:pk>/", views.movement_evidence, name="movement_evidence"),
    path("pledge/", views.pledge_current, name="pledge_current"),
    path("<slug:code>/<int:year>/pledge/", views.pledge_detail, name="pledge_detail"),
    path("<slug:code>/<int:year>/pledge/targets/", views.pledge_target_add, name="pledge_target_add"),
    path("<slug:code>/<int:year>/pledge/document/", views.pledge_document, name="pledge_document"),
    path(
        "pledge/judgements/<int:pk>/evidence/",
        views.pledge_judgement_evidence,
        name="pledge_judgement_evidence",
    ),
    path("<slug:code>/<int:year>/pledge.xlsx", views.pledge_export, name="pledge_export"),
    path(
        "pledge/targets/<int:pk>/units/<slug:unit_code>/",
        views.pledge_target_judge,
        name="pledge_target_judge",
    ),
]
