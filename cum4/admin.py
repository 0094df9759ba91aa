from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from cum4 import resources
from cum4.models import Cluster, ClusterYear, Membership, QuarterWindow, Unit, User

admin.site.site_header = _("Cluster IV — administration")
admin.site.site_title = _("Cluster IV")
admin.site.index_title = _("Administration")


class HistoryImportExportAdmin(ImportExportModelAdmin, SimpleHistoryAdmin):
    """Import/export with preview plus the change history of each row."""


@admin.register(Unit)
class UnitAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.UnitResource]
    list_display = ["code", "name", "province", "is_remote_area", "valid_from", "valid_to", "successor"]
    list_filter = ["is_remote_area"]
    search_fields = ["code", "name", "province"]


@admin.register(Cluster)
class ClusterAdmin(ImportExportModelAdmin):
    resource_classes = [resources.ClusterResource]
    list_display = ["code", "name", "organiser"]
    search_fields = ["code", "name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(ClusterYear)
class ClusterYearAdmin(ImportExportModelAdmin):
    resource_classes = [resources.ClusterYearResource]
    list_display = ["cluster", "year"]
    list_filter = ["cluster", "year"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.MembershipResource]
    list_display = ["cluster_year", "unit", "role"]
    list_filter = ["cluster_year__year", "role"]
    list_select_related = ["cluster_year__cluster", "unit"]


@admin.register(QuarterWindow)
class QuarterWindowAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.QuarterWindowResource]
    list_display = ["quarter", "valid_from", "valid_to", "legal_basis"]
    list_filter = ["quarter"]


@admin.register(User)
class UserAdmin(ImportExportModelAdmin, DjangoUserAdmin):
    resource_classes = [resources.UserResource]
    list_display = ["username", "full_name", "role", "unit", "is_active"]
    list_filter = ["role", "unit", "is_active"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Cluster IV"), {"fields": ("full_name", "role", "unit", "position")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Cluster IV"), {"fields": ("full_name", "role", "unit")}),
    )

from cum4.notifications import admin as notifications_admin  # noqa: E402, F401
from cum4.reports import admin as reports_admin  # noqa: E402, F401  (the quarterly reports)
from cum4.yearend import admin as yearend_admin  # noqa: E402, F401  (the year-end report)
