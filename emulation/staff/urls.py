"""The staff register's pages (names in the `emulation` namespace, see emulation/urls.py)."""

from __future__ import annotations

from django.urls import path

from emulation.staff import views

urlpatterns: list = [
    path("staff/", views.staff_home, name="staff_home"),
    path("units/<slug:code>/staff/", views.staff_list, name="staff_list"),
    path("units/<slug:code>/staff.xlsx", views.staff_export, name="staff_export"),
    path("units/<slug:code>/staff/import/", views.staff_import, name="staff_import"),
    path("staff/<int:pk>/", views.staff_detail, name="staff_detail"),
]
