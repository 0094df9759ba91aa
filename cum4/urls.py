from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from cum4 import views

core_patterns = [
    path("", views.home, name="home"),
    path("units/<slug:code>/", views.unit_detail, name="unit_detail"),
    path("clusters/<slug:code>/<int:year>/", views.cluster_year_detail, name="cluster_year_detail"),
    path("clusters/<slug:code>/<int:year>/lead/", views.cluster_year_lead, name="cluster_year_lead"),
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
    path("inspections/", include("inspections.urls")),
    path("complaints/", include("complaints.urls")),
    path("emulation/", include("emulation.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
