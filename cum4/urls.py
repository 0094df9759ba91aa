from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from cum4 import views
from cum4.dashboard import views as dashboard_views
from cum4.exports import views as export_views
from cum4.yearend import views as yearend_views

core_patterns = [
    path("", views.home, name="home"),
    path("units/<slug:code>/", views.unit_detail, name="unit_detail"),
    path("clusters/<slug:code>/<int:year>/", views.cluster_year_detail, name="cluster_year_detail"),
    path("clusters/<slug:code>/<int:year>/lead/", views.cluster_year_lead, name="cluster_year_lead"),
    path(
        "clusters/<slug:code>/<int:year>/dashboard/",
        dashboard_views.cluster_dashboard,
        name="dashboard_cluster",
    ),
    path(
        "clusters/<slug:code>/<int:year>/dashboard/sources/",
        dashboard_views.figure_sources,
        name="dashboard_sources",
    ),
    path(
        "clusters/<slug:code>/<int:year>/report.<str:fmt>",
        dashboard_views.cluster_report_download,
        name="cluster_report_download",
    ),
    path(
        "clusters/<slug:code>/<int:year>/year-end-report/",
        yearend_views.year_end_report_edit,
        name="year_end_report",
    ),
    path("units/<slug:code>/dashboard/", dashboard_views.unit_dashboard, name="dashboard_unit"),
    path(
        "offline/<int:pk>/template.xlsx", export_views.offline_template, name="offline_template"
    ),
    path("offline/<int:pk>/upload/", export_views.offline_upload, name="offline_upload"),
    path("offline/<int:pk>/confirm/", export_views.offline_confirm, name="offline_confirm"),
]

urlpatterns = [
    path("", include((core_patterns, "cum4"))),
    # Only the auth views we use: password reset needs outgoing mail, which deployments lack.
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("reports/", include("cum4.reports.urls")),
    path("notifications/", include("cum4.notifications.urls")),
    path("inspections/", include("inspections.urls")),
    path("complaints/", include("complaints.urls")),
    path("emulation/", include("emulation.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
