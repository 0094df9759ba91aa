"""The admin's Excel files go through the one tabular helper (`cum4.exports.tabular`).

django-import-export writes xlsx with tablib: a sheet called "Tablib Dataset", no widths,
datetimes as they come. `ReadableXLSX` writes the resource's dataset with `write_workbook`
instead (named sheet, bold frozen header, widths, local dates shown dd/mm/yyyy, codes in
hidden columns), and `ReadableImportExportMixin` puts it in every admin's format list, in the
place of the library's xlsx, with the fields listed under their Vietnamese labels.
"""

from __future__ import annotations

import io
from typing import Any

import tablib
from django.core.exceptions import PermissionDenied
from import_export.formats.base_formats import XLSX
from import_export.forms import SelectableFieldsExportForm

from cum4.exports.tabular import Column, cell_value, write_workbook

MIN_WIDTH, MAX_WIDTH = 10, 48


def _width(header: Any, values: list[Any]) -> float:
    """Wide enough for the header's longest word and most values, within bounds."""
    longest = max((len(str(cell_value(v))) for v in values[:200] if v not in (None, "")),
                  default=0)
    words = max((len(word) for word in str(header).split()), default=0)
    return float(min(MAX_WIDTH, max(MIN_WIDTH, longest + 2, words + 2, len(str(header)) * 0.6)))


def dataset_columns(dataset) -> list[Column]:
    """The columns of an exported dataset: the resource's specs, widths filled in."""
    specs = getattr(dataset, "readable_columns", None) or [
        Column(header=header, value=None, code=str(header)) for header in dataset.headers or []
    ]
    columns = []
    for index, spec in enumerate(specs):
        values = [row[index] for row in dataset]
        columns.append(Column(
            header=spec.header,
            value=lambda row, i=index: row[i],
            width=spec.width or _width(spec.header, values),
            code=spec.code,
            hidden=spec.hidden,
        ))
    return columns


class ReadableXLSX(XLSX):
    """xlsx written through `cum4.exports.tabular`; read as the library reads it, without the
    blank lines (the frozen header pane makes one even under an empty table)."""

    def create_dataset(self, in_stream):
        read = super().create_dataset(in_stream)
        dataset = tablib.Dataset(headers=read.headers)
        for row in read:
            if any(value not in (None, "") for value in row):
                dataset.append(row)
        return dataset

    def export_data(self, dataset, **kwargs):
        output = io.BytesIO()
        write_workbook(output, title=dataset.title or "Dữ liệu", columns=dataset_columns(dataset),
                       rows=list(dataset))
        return output.getvalue()


def readable_formats(formats) -> list:
    return [ReadableXLSX if fmt is XLSX else fmt for fmt in formats]


class ReadableExportForm(SelectableFieldsExportForm):
    """The export page lists each field under its Vietnamese header."""

    def _get_field_label(self, resource, field_name: str) -> str:  # type: ignore[override]
        instance = resource()
        field = instance.fields.get(field_name)
        if field is None or not hasattr(instance, "field_label"):
            return super()._get_field_label(resource, field_name)
        return instance.field_label(field_name, field)


class ReadableImportExportMixin:
    """Mixed into every admin with import or export (before the library's mixins)."""

    export_form_class = ReadableExportForm

    def get_export_formats(self):
        return readable_formats(super().get_export_formats())

    def get_import_formats(self):
        return readable_formats(super().get_import_formats())

    def get_export_data(self, file_format, request, queryset, **kwargs):
        if not isinstance(file_format, ReadableXLSX):
            return super().get_export_data(file_format, request, queryset, **kwargs)
        if not self.has_export_permission(request):
            raise PermissionDenied
        # Values as they are (dates, numbers), not as text: the library decides this by the
        # exact class of its own formats, which ours is not.
        kwargs.pop("encoding", None)
        data = self.get_data_for_export(request, queryset, force_native_type=True, **kwargs)
        return file_format.export_data(data)
