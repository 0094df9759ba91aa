"""The dossier (names in the `emulation` namespace, see emulation/urls.py)."""

from __future__ import annotations

from django.urls import path

from emulation.dossier import views

Y = "dossier/<slug:code>/<int:year>/"

urlpatterns: list = [
    path("dossier/", views.dossier_current, name="dossier_current"),
    path(Y, views.dossier_home, name="dossier_home"),
    path(Y + "open/", views.dossier_open, name="dossier_open"),
    path(Y + "send/", views.unit_dossier_send, name="dossier_unit_send"),
    path(Y + "zip/", views.dossier_zip, name="dossier_zip"),
    path(Y + "components/<int:pk>/", views.component_detail, name="dossier_component"),
    path(Y + "components/<int:pk>/docx/", views.component_docx, name="dossier_component_docx"),
    path(Y + "components/<int:pk>/signed/", views.signed_copy_upload, name="dossier_signed_upload"),
    path(Y + "signed/<int:copy_id>/", views.signed_copy_download, name="dossier_signed_download"),
]
