from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from cum4 import views
from cum4.accounts import forms as account_forms
from cum4.accounts.language import set_language
from cum4.dashboard import views as dashboard_views
from cum4.exports import views as export_views
from cum4.yearend import views as yearend_views

core_patterns = [
    path("", views.home, name="home"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/count/", views.review_count, name="review_count"),
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
    # Password reset: the e-mailed link and the set-password links of the admin are the same
    # one-time link (cum4.accounts.services).
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "accounts/reset/",
        auth_views.PasswordResetView.as_view(form_class=account_forms.PasswordResetForm),
        name="password_reset",
    ),
    path(
        "accounts/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("i18n/setlang/", set_language, name="set_language"),
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

# A lost database connection answers the 503 page (and a read is run once more), not a 500.
handler500 = "cum4.db_lost.server_error"
