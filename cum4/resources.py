"""Excel import/export of the core, keyed by natural codes (not database ids).

Every resource here and in the apps is a `BaseResource`: its files are for people (Vietnamese
headers, names and labels, dates as dates, a named sheet; see `cum4.resources_readable`) and
import back as they were written, codes still accepted.
"""

from __future__ import annotations

import copy

from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from cum4.audit.services import user_rights_change_record
from cum4.exports.tabular import sheet_title
from cum4.import_widgets import NaturalKeyWidget
from cum4.models import Cluster, ClusterYear, Membership, QuarterWindow, Unit, User
from cum4.resources_readable import ReadableColumnsMixin


class SafeExportMixin:
    """Cells that a spreadsheet would run as a formula are written as text.

    The library's own setting only covers a leading "="; "+", "-", "@", tab and CR can also start
    a formula (CSV/formula injection), so text starting with one gets a leading apostrophe. The
    output of number widgets is left alone: "-1" rendered from a number is a number, not a
    formula. On import the apostrophe is taken off again, so an exported file round-trips.
    """

    DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

    def export_field(self, field, instance, **kwargs):  # type: ignore[override]
        value = super().export_field(field, instance, **kwargs)
        if (
            isinstance(value, str)
            and value.startswith(self.DANGEROUS_PREFIXES)
            and not isinstance(field.widget, widgets.NumberWidget)
        ):
            return "'" + value
        return value

    def before_import_row(self, row, **kwargs):  # type: ignore[override]
        super().before_import_row(row, **kwargs)
        for key, value in row.items():
            if isinstance(value, str) and value[:1] == "'" and value[1:].startswith(
                self.DANGEROUS_PREFIXES
            ):
                row[key] = value[1:]


class NamedSheetMixin:
    """An export names its sheet after the model (never tablib's "Tablib Dataset")."""

    def after_export(self, queryset, dataset, **kwargs):  # type: ignore[override]
        super().after_export(queryset, dataset, **kwargs)
        name = str(self._meta.model._meta.verbose_name_plural)
        dataset.title = sheet_title(name[:1].upper() + name[1:])


class BaseResource(ReadableColumnsMixin, NamedSheetMixin, SafeExportMixin, resources.ModelResource):
    pass


class UnitResource(BaseResource):
    successor = fields.Field(
        attribute="successor", column_name="successor", widget=NaturalKeyWidget(Unit)
    )

    class Meta:
        model = Unit
        import_id_fields = ["code"]
        fields = ["code", "name", "province", "is_remote_area", "valid_from", "valid_to", "successor", "legal_basis"]
        skip_unchanged = True


class ClusterResource(BaseResource):
    class Meta:
        model = Cluster
        import_id_fields = ["code"]
        fields = ["code", "name", "organiser", "founding_decision"]
        skip_unchanged = True


class ClusterYearResource(BaseResource):
    cluster = fields.Field(
        attribute="cluster", column_name="cluster", widget=NaturalKeyWidget(Cluster)
    )

    class Meta:
        model = ClusterYear
        import_id_fields = ["cluster", "year"]
        fields = ["cluster", "year"]
        skip_unchanged = True


class ClusterYearWidget(widgets.ForeignKeyWidget):
    """A cluster year written as "<cluster name>/<year>"; read back from the cluster's name or
    its code ("cum-iv/2022", as files were written before)."""

    def __init__(self) -> None:
        super().__init__(ClusterYear)

    def clean(self, value, row=None, **kwargs):
        if not value:
            return None
        cluster, _sep, year = str(value).rpartition("/")
        found = NaturalKeyWidget(Cluster).clean(cluster.strip())
        try:
            return ClusterYear.objects.get(cluster=found, year=int(year))
        except (ClusterYear.DoesNotExist, ValueError):
            raise ValueError(_("unknown code “%(code)s”") % {"code": value}) from None

    def render(self, value, obj=None, **kwargs):
        return f"{value.cluster.name}/{value.year}" if value else ""


class MembershipResource(BaseResource):
    cluster_year = fields.Field(attribute="cluster_year", column_name="cluster_year", widget=ClusterYearWidget())
    unit = fields.Field(attribute="unit", column_name="unit", widget=NaturalKeyWidget(Unit))

    class Meta:
        model = Membership
        import_id_fields = ["cluster_year", "unit"]
        fields = ["cluster_year", "unit", "role"]
        skip_unchanged = True


class QuarterWindowResource(BaseResource):
    class Meta:
        model = QuarterWindow
        import_id_fields = ["quarter", "valid_from"]
        exclude = ["id"]
        skip_unchanged = True


class UserResource(BaseResource):
    unit = fields.Field(attribute="unit", column_name="unit", widget=NaturalKeyWidget(Unit))

    class Meta:
        model = User
        import_id_fields = ["username"]
        # Never the password hash; new users set their password through the reset flow.
        fields = ["username", "full_name", "email", "role", "unit", "position", "is_active"]
        skip_unchanged = True
        # The preview shows the rows without a coloured diff: its markup needs inline styles,
        # which the Content-Security-Policy refuses.
        skip_diff = True

    def __init__(self, request=None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.request = request  # for the access log's address and path
        self._before: dict[int, User] = {}

    def import_data(self, dataset, **kwargs):  # type: ignore[override]
        # All or nothing, whoever calls: a file with one bad row changes no one (nor the log).
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def after_init_instance(self, instance, new, row, **kwargs):  # type: ignore[override]
        super().after_init_instance(instance, new, row, **kwargs)
        if not new:  # the row as it was, to skip it unchanged and log a change of rights
            self._before[instance.pk] = copy.deepcopy(instance)

    def skip_row(self, instance, original, row, import_validation_errors=None):  # type: ignore[override]
        # The library compares with its diff, which this resource does not build (skip_diff).
        before = self._before.get(instance.pk)
        if import_validation_errors or before is None:
            return False
        return all(
            field.get_value(instance) == field.get_value(before)
            for field in self.get_import_fields()
        )

    def after_save_instance(self, instance, row, **kwargs):  # type: ignore[override]
        """A change of role or unit goes to the access log, as from the user form; a dry run
        (the preview) logs nothing, and a failed import rolls the log back with the rows."""
        super().after_save_instance(instance, row, **kwargs)
        before = self._before.get(instance.pk)
        if before is not None and not kwargs.get("dry_run"):
            user_rights_change_record(
                by=kwargs.get("user"), before=before, after=instance, request=self.request
            )

    def before_save_instance(self, instance, row, **kwargs):  # type: ignore[override]
        # A new person has no password until they follow their set-password link: an empty
        # hash would count as "usable" for Django and hide them from the admin's filter.
        super().before_save_instance(instance, row, **kwargs)
        if not instance.password:
            instance.set_unusable_password()
