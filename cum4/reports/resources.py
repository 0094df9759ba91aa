"""Excel import/export of the report sections: one row per report (and row of section D),
columns `unit`, `year`, `quarter`, then the indicators (headed by their Vietnamese labels in a
file; the codes are still read).

The import refuses, naming the row, a report that does not exist yet or is not open for
editing (submitted or approved), and every error rule (through the section model's clean()).
It is all-or-nothing: a file with one bad row imports nothing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from cum4.import_widgets import LabelChoiceWidget, NaturalKeyWidget
from cum4.models import Unit
from cum4.reports.models import QuarterlyReport
from cum4.reports.sections import ReportSection
from cum4.resources import BaseResource


class SectionResourceBase(BaseResource):
    unit = fields.Field(column_name="unit", readonly=True)
    year = fields.Field(column_name="year", readonly=True)
    quarter = fields.Field(column_name="quarter", readonly=True)
    report = fields.Field(
        attribute="report", column_name="report", widget=widgets.ForeignKeyWidget(QuarterlyReport)
    )
    labels = {"unit": gettext_lazy("Inspectorate"), "year": gettext_lazy("Year"),
              "quarter": gettext_lazy("Quarter")}

    def dehydrate_unit(self, obj) -> str:
        return obj.report.unit.name

    def dehydrate_year(self, obj) -> int:
        return obj.report.year

    def dehydrate_quarter(self, obj) -> int:
        return obj.report.quarter

    def get_queryset(self):
        return super().get_queryset().select_related("report__unit")

    def import_data(self, dataset, **kwargs):
        # All or nothing, whoever calls (the admin's confirm step, a script, a test).
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def before_import(self, dataset, **kwargs) -> None:
        super().before_import(dataset, **kwargs)  # labels → codes
        # Files carry unit/year/quarter; the report column is filled row by row below.
        if "report" not in (dataset.headers or []):
            dataset.append_col([""] * dataset.height, header="report")

    def before_import_row(self, row, **kwargs) -> None:
        try:  # the unit by its name (as exported) or its code
            unit = NaturalKeyWidget(Unit).clean(row.get("unit"))
            report = QuarterlyReport.objects.get(
                unit=unit, year=int(row.get("year")), quarter=int(row.get("quarter"))
            )
        except (QuarterlyReport.DoesNotExist, TypeError, ValueError):
            raise ValidationError(
                _("No quarterly report for unit %(unit)s, year %(year)s, quarter %(quarter)s.")
                % {"unit": row.get("unit"), "year": row.get("year"), "quarter": row.get("quarter")}
            ) from None
        if not report.is_editable:
            raise ValidationError(
                _("The report %(report)s is %(state)s: it cannot be changed by an import.")
                % {"report": report, "state": report.get_state_display()}
            )
        row["report"] = report.pk

    def after_save_instance(self, instance, row, **kwargs) -> None:
        # Someone editing the report in the browser must not overwrite the import unseen.
        QuarterlyReport.objects.filter(pk=instance.report_id).update(version=F("version") + 1)


def section_resource(section: ReportSection) -> type[BaseResource]:
    """The import/export resource of a section model, its columns named by the codes."""
    model = section.model_class()
    id_fields = ["report", *([section.row_field] if section.row_field else [])]
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "import_id_fields": id_fields,
            "fields": ["unit", "year", "quarter", *id_fields, *section.codes],
            "clean_model_instances": True,
            "skip_unchanged": True,
        },
    )
    return type(f"{model.__name__}Resource", (SectionResourceBase,), {"Meta": meta})


class QuarterlyReportResource(BaseResource):
    """Envelopes keyed by unit code, year and quarter. An import only creates missing drafts
    (the state and dates move through the workflow, never through a spreadsheet)."""

    unit = fields.Field(attribute="unit", column_name="unit", widget=NaturalKeyWidget(Unit))
    state = fields.Field(attribute="state", column_name="state", readonly=True,
                         widget=LabelChoiceWidget(QuarterlyReport.State.choices))
    version = fields.Field(attribute="version", column_name="version", readonly=True)
    # Local time (Asia/Ho_Chi_Minh), as naive datetimes in a workbook: the widget converts.
    submitted_at = fields.Field(
        attribute="submitted_at", column_name="submitted_at", readonly=True,
        widget=widgets.DateTimeWidget(),
    )
    approved_at = fields.Field(
        attribute="approved_at", column_name="approved_at", readonly=True,
        widget=widgets.DateTimeWidget(),
    )

    class Meta:
        model = QuarterlyReport
        import_id_fields = ["unit", "year", "quarter"]
        fields = ["unit", "year", "quarter", "state", "version", "submitted_at", "approved_at"]
        skip_unchanged = True
        clean_model_instances = True
