from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from cum4 import resources
from cum4.accounts import services as account_services
from cum4.audit.services import user_rights_change_record
from cum4.exports.admin_excel import ReadableImportExportMixin
from cum4.models import Cluster, ClusterYear, Membership, QuarterWindow, Unit, User

admin.site.site_header = _("Cluster IV — administration")
admin.site.site_title = _("Cluster IV")
admin.site.index_title = _("Administration")


class HistoryImportExportAdmin(ReadableImportExportMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    """Import/export with preview plus the change history of each row."""


@admin.register(Unit)
class UnitAdmin(HistoryImportExportAdmin):
    resource_classes = [resources.UnitResource]
    list_display = ["code", "name", "province", "is_remote_area", "valid_from", "valid_to", "successor"]
    list_filter = ["is_remote_area"]
    search_fields = ["code", "name", "province"]


@admin.register(Cluster)
class ClusterAdmin(ReadableImportExportMixin, ImportExportModelAdmin):
    resource_classes = [resources.ClusterResource]
    list_display = ["code", "name", "organiser"]
    search_fields = ["code", "name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(ClusterYear)
class ClusterYearAdmin(ReadableImportExportMixin, ImportExportModelAdmin):
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


class NeverLoggedInFilter(admin.SimpleListFilter):
    title = _("signed in")
    parameter_name = "signed_in"

    def lookups(self, request, model_admin):
        return [("never", _("never signed in")), ("yes", _("has signed in"))]

    def queryset(self, request, queryset):
        if self.value() == "never":
            return queryset.filter(last_login__isnull=True)
        if self.value() == "yes":
            return queryset.filter(last_login__isnull=False)
        return queryset


class UsablePasswordFilter(admin.SimpleListFilter):
    title = _("password")
    parameter_name = "usable_password"  # Django's UserAdmin refuses lookups named password*

    def lookups(self, request, model_admin):
        return [("none", _("no usable password")), ("set", _("password set"))]

    def queryset(self, request, queryset):
        unusable = Q(password="") | Q(password__startswith=UNUSABLE_PASSWORD_PREFIX)
        if self.value() == "none":
            return queryset.filter(unusable)
        if self.value() == "set":
            return queryset.exclude(unusable)
        return queryset


@admin.register(User)
class UserAdmin(ReadableImportExportMixin, ImportExportModelAdmin, DjangoUserAdmin):
    """People are imported from Excel without a password and get a one-time link to set one;
    they are deactivated, never deleted (what they submitted points to them)."""

    resource_classes = [resources.UserResource]
    list_display = [
        "username", "full_name", "role", "unit", "is_active", "last_login", "has_password"
    ]
    list_filter = ["role", "unit", "is_active", NeverLoggedInFilter, UsablePasswordFilter]
    search_fields = ["username", "full_name", "email"]
    actions = ["issue_password_links", "show_password_links", "deactivate"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Cluster IV"), {"fields": ("full_name", "role", "unit", "position", "language")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Cluster IV"), {"fields": ("full_name", "role", "unit")}),
    )

    def save_model(self, request, obj, form, change) -> None:
        before = User.objects.select_related("unit").get(pk=obj.pk) if change else None
        super().save_model(request, obj, form, change)
        if before is not None:
            user_rights_change_record(by=request.user, before=before, after=obj, request=request)

    @admin.display(boolean=True, description=_("usable password"))
    def has_password(self, user: User) -> bool:
        return bool(user.password) and user.has_usable_password()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def _links_page(self, request, users, *, send: bool):
        links = account_services.password_links_issue(users=users, request=request, send=send)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Set-password links"),
            "opts": self.model._meta,
            "links": links,
        }
        return TemplateResponse(request, "admin/cum4/user/password_links.html", context)

    @admin.action(description=_("E-mail a set-password link (and show the links)"))
    def issue_password_links(self, request, queryset):
        return self._links_page(request, list(queryset.select_related("unit")), send=True)

    @admin.action(description=_("Show set-password links to copy (no e-mail)"))
    def show_password_links(self, request, queryset):
        return self._links_page(request, list(queryset.select_related("unit")), send=False)

    @admin.action(description=_("Deactivate (keeps their history)"))
    def deactivate(self, request, queryset):
        count = account_services.users_deactivate(users=list(queryset))
        self.message_user(
            request, _("%(count)s account(s) deactivated.") % {"count": count}, messages.SUCCESS
        )

    def get_import_resource_kwargs(self, request, **kwargs):
        # The import writes role and unit changes to the access log with the request's address.
        return {**super().get_import_resource_kwargs(request, **kwargs), "request": request}

    def process_result(self, result, request):
        """After an import, the people just created get their set-password links at once."""
        created = [
            row.object_id for row in result.rows if row.import_type == row.IMPORT_TYPE_NEW
        ]
        response = super().process_result(result, request)
        if not created:
            return response
        users = list(User.objects.filter(pk__in=created).select_related("unit"))
        return self._links_page(request, users, send=True)


from cum4.audit import admin as audit_admin  # noqa: E402, F401  (the access log)
from cum4.notifications import admin as notifications_admin  # noqa: E402, F401
from cum4.reports import admin as reports_admin  # noqa: E402, F401  (the quarterly reports)
from cum4.yearend import admin as yearend_admin  # noqa: E402, F401  (the year-end report)
