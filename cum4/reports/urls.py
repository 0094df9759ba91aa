from __future__ import annotations

from django.urls import path

from cum4.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.my_reports, name="list"),
    path("open/", views.report_open, name="open"),
    path("status/", views.status_grid_latest, name="grid"),
    path("status/<slug:code>/<int:year>/", views.status_grid, name="grid_year"),
    path("status/<slug:code>/<int:year>/excel/", views.status_grid_xlsx, name="grid_xlsx"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/submit/", views.report_submit, name="submit"),
    path("<int:pk>/ready/", views.report_mark_ready, name="ready"),
    path("<int:pk>/approve/", views.report_approve, name="approve"),
    path("<int:pk>/return/", views.report_return, name="return"),
    path("<int:pk>/reopen/", views.report_reopen, name="reopen"),
]
