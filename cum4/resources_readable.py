"""What makes an import-export resource readable (issue 14, item 4) while it round-trips.

Internally every column keeps its code (`column_name`): the resources' own code, scripts and
the staff workbook read rows by code. People see the Vietnamese label instead, everywhere the
admin shows a column (export headers, the field lists of the import and export pages, the
import preview), and a file headed by labels (or by codes, as written before) imports back.

Model fields get readable widgets without being declared: a choice by its label, a unit, an
award or a cluster by its name, an account by the person's name, yes/no as "Có"/"Không", a
date cell read back as its date. A foreign key without a natural code keeps its id in a hidden
column (as does `id`), for re-import only.
"""

from __future__ import annotations

import copy
from operator import itemgetter
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from import_export import widgets

from cum4.exports.tabular import Column, import_headers
from cum4.import_widgets import (
    LabelChoiceWidget,
    LocalDateWidget,
    NaturalKeyWidget,
    PersonWidget,
    YesNoWidget,
)


def readable_widget(django_field: models.Field) -> widgets.Widget | None:
    """The widget that writes `django_field` for people, or None to keep the library's."""
    if django_field.choices:
        return LabelChoiceWidget(django_field.choices, blank=None if django_field.null else "")
    if isinstance(django_field, models.ForeignKey):
        target = django_field.related_model
        names = {f.name for f in target._meta.get_fields()}
        if "username" in names:
            return PersonWidget(target, "username", "full_name")
        if "code" in names and target._meta.get_field("code").unique:
            return NaturalKeyWidget(target, "code", "name" if "name" in names else None)
        return None  # keeps its id, in a hidden column (see `is_hidden`)
    if isinstance(django_field, models.BooleanField):
        return YesNoWidget(null=django_field.null)
    if isinstance(django_field, models.DateField) and not isinstance(
        django_field, models.DateTimeField
    ):
        return LocalDateWidget()
    return None


def _model_field(model: type[models.Model], attribute: str):
    """The model field at the end of `attribute` ("a__b" follows a), or None."""
    field = None
    for part in attribute.split("__"):
        try:
            field = model._meta.get_field(part.removesuffix("_id") if part.endswith("_id")
                                          and part != "id" else part)
        except FieldDoesNotExist:
            return None
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return field


def _verbose_name(model: type[models.Model], attribute: str) -> str | None:
    field = _model_field(model, attribute)
    return str(field.verbose_name) if hasattr(field, "verbose_name") else None


class ReadableColumnsMixin:
    """Mixed into `BaseResource`. A resource may name `labels` (field → Vietnamese header),
    `hidden_fields` (kept for re-import in a hidden column headed by the code) and `widths`."""

    labels: dict[str, Any] = {}
    hidden_fields: tuple[str, ...] = ("id",)
    widths: dict[str, float] = {}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # A declared field without a widget of its own that reads a model field ("decision__
        # year") writes it as that field would: a number as a number, a choice by its label.
        for field in self.fields.values():
            if type(field.widget) is widgets.Widget and field.attribute:
                model_field = _model_field(self._meta.model, field.attribute)
                if isinstance(model_field, models.Field) and not model_field.is_relation:
                    widget = readable_widget(model_field) or self.widget_from_django_field(
                        model_field)(**self.widget_kwargs_for_field(field.attribute, model_field))
                    field.widget = widget

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):  # type: ignore[override]
        field = super().field_from_django_field(field_name, django_field, readonly)
        widget = readable_widget(django_field)
        if widget is not None:
            field.widget = widget
            field.attribute = field_name  # the object, not its id
        return field

    def field_label(self, name: str, field) -> str:
        """The Vietnamese header of the field called `name`."""
        if name in self.labels:
            return capfirst(str(self.labels[name]))
        verbose = _verbose_name(self._meta.model, field.attribute or name)
        return capfirst(verbose) if verbose else str(field.column_name)

    def is_hidden(self, name: str, field) -> bool:
        """Codes and ids people do not read: kept in a hidden column for re-import."""
        if name in self.hidden_fields:
            return True
        # The library's own widget on a key without a natural code writes the id.
        return type(field.widget) is widgets.ForeignKeyWidget and field.widget.field == "pk"

    def export_columns(self, selected_fields=None) -> list[Column]:
        """The export's columns as specs of the one tabular helper (header, code, hidden)."""
        columns = []
        for index, field in enumerate(self.get_export_fields(selected_fields)):
            name = self.get_field_name(field)
            columns.append(Column(
                header=self.field_label(name, field),
                value=itemgetter(index),
                width=self.widths.get(name, 0),
                code=str(field.column_name),
                hidden=self.is_hidden(name, field),
            ))
        return columns

    def _all_columns(self) -> list[Column]:
        return [
            Column(header=self.field_label(name, field), value=itemgetter(0),
                   code=str(field.column_name), hidden=self.is_hidden(name, field))
            for name, field in self.fields.items()
        ]

    def export_field(self, field, instance, **kwargs):  # type: ignore[override]
        value = super().export_field(field, instance, **kwargs)
        if isinstance(value, bool) and not kwargs.get("force_native_type"):
            return "Có" if value else "Không"  # a computed yes/no in a text format (CSV)
        return value

    def get_export_headers(self, selected_fields=None):  # type: ignore[override]
        return [c.code if c.hidden else str(c.header) for c in self.export_columns(selected_fields)]

    def after_export(self, queryset, dataset, **kwargs):  # type: ignore[override]
        super().after_export(queryset, dataset, **kwargs)
        # Read by the admin's xlsx format (cum4.exports.admin_excel): which columns to hide.
        dataset.readable_columns = self.export_columns(kwargs.get("export_fields"))

    def get_diff_headers(self):  # type: ignore[override]
        """The import preview's headers: the labels."""
        return [
            str(self.field_label(self.get_field_name(f), f)) for f in self.get_import_fields()
        ]

    def get_user_visible_fields(self):  # type: ignore[override]
        """The columns the import and export pages list, under their labels."""
        visible = []
        for field in super().get_user_visible_fields():
            shown = copy.copy(field)
            shown.column_name = self.field_label(self.get_field_name(field), field)
            visible.append(shown)
        return visible

    def before_import_row(self, row, **kwargs):  # type: ignore[override]
        """An empty cell of an optional text column is empty text (the column is NOT NULL)."""
        super().before_import_row(row, **kwargs)
        for field in self.fields.values():
            model_field = _model_field(self._meta.model, field.attribute or "")
            if (
                isinstance(model_field, models.CharField | models.TextField)
                and model_field.blank and not model_field.null and not model_field.choices
                and field.column_name in row and row[field.column_name] is None
            ):
                row[field.column_name] = ""

    def before_import(self, dataset, **kwargs):  # type: ignore[override]
        """Headers written as labels (or as codes, as before) become the codes."""
        super().before_import(dataset, **kwargs)
        if dataset.headers:
            dataset.headers = import_headers(dataset.headers, self._all_columns())
