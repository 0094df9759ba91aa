"""The entry page's forms: one small form per section row, its fields named by the codes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cum4.reports.sections import ReportSection, report_sections
from cum4.reports.validation import Issue, ReportValues

# A whole number as people type it: digits, or digits grouped by three with dots as the
# Vietnamese write them (1.234.567). Nothing else: "1,5" or "1.5" is refused, never read as 15.
_WHOLE_NUMBER = re.compile(r"\d+|\d{1,3}(?:\.\d{3})+")


class WholeNumberField(forms.Field):
    """A count or an amount: a whole number ≥ 0 (empty allowed), dots between groups of three
    accepted, anything else refused with one clear message."""

    default_error_messages = {
        "invalid": _(
            "Enter a whole number, digits only, with dots between groups of three if you "
            "like (1.234.567); no decimals or commas."
        ),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            return None
        if not _WHOLE_NUMBER.fullmatch(text):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(text.replace(".", ""))


class SectionRowForm(forms.Form):
    """The indicators of one section row as whole numbers ≥ 0 (empty allowed in a draft)."""

    def __init__(
        self,
        *args,
        section: ReportSection,
        row: str,
        readonly: bool = False,
        columns: str = "col-md-6 col-xl-4",
        **kw,
    ):
        kw.setdefault("prefix", f"{section.code}-{row}" if row else section.code)
        super().__init__(*args, **kw)
        self.section, self.row, self.columns = section, row, columns
        for spec in section.indicators:
            self.fields[spec.code] = WholeNumberField(
                label=spec.label, required=False, disabled=readonly
            )

    def entry_html(self) -> SafeString:
        """The row's inputs, laid out as the entry page shows them (label above, the unit of
        measure inside the input group), built here rather than through a template per field:
        68 inputs through crispy's templates were most of the page's cost. The labels and
        units (code, not data) are escaped once per language; the values and errors each time."""
        labels = _escaped_labels(self.section.code, get_language())
        errors = (self._errors if self._errors is not None else self.errors) if self.is_bound else {}
        columns = escape(self.columns)
        disabled = " disabled" if any(f.disabled for f in self.fields.values()) else ""
        parts = ['<div class="row">']
        for code in self.fields:
            name = self.add_prefix(code)
            value = self.data.get(name) if self.is_bound else self.initial.get(code)
            shown = "" if value is None else escape(value)
            found = errors.get(code, ())
            group, invalid = (" has-validation", " is-invalid") if found else ("", "")
            aria = ' aria-invalid="true"' if found else ""
            label, unit = labels[code]
            parts.append(
                f'<div class="{columns} field-col"><div id="div_id_{name}" class="mb-3">'
                f'<label for="id_{name}" class="form-label">{label}</label>'
                f'<div class="input-group{group}"><input type="text" name="{name}" '
                f'value="{shown}" inputmode="numeric" autocomplete="off" data-whole-number '
                f'data-code="{code}" data-section="{self.section.code}" '
                f'class="numberinput form-control{invalid}" id="id_{name}"{disabled}{aria}>'
                f'<span class="input-group-text">{unit}</span></div>'
            )
            for error in found:
                parts.append(
                    f'<div class="invalid-feedback d-block"><strong>{escape(error)}</strong></div>'
                )
            parts.append("</div></div>")
        parts.append("</div>")
        return mark_safe("".join(parts))


_LABELS: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}


def _escaped_labels(section_code: str, language: str) -> dict[str, tuple[str, str]]:
    """{code: (label, unit)} of a section, escaped, in a language: the registered sections
    are code, not data, so they are kept for the process."""
    key = (section_code, language)
    if key not in _LABELS:
        section = next(s for s in report_sections() if s.code == section_code)
        _LABELS[key] = {
            spec.code: (escape(spec.label), escape(spec.unit)) for spec in section.indicators
        }
    return _LABELS[key]


@dataclass
class SectionForms:
    section: ReportSection
    rows: list[tuple[str, str, SectionRowForm]]  # (row key, row label, form)


def report_forms(
    *, data=None, values: ReportValues | None = None, readonly: bool = False
) -> list[SectionForms]:
    """A form per section row, bound to POST data or filled with the stored values."""
    result = []
    for section in report_sections():
        rows = []
        columns = "col-12 col-xl-6" if len(section.rows) > 1 else "col-md-6 col-xl-4"
        for row, row_label in section.rows:
            initial = (values or {}).get(section.code, {}).get(row, {})
            form = SectionRowForm(
                data, section=section, row=row, readonly=readonly, initial=initial, columns=columns
            )
            rows.append((row, str(row_label), form))
        result.append(SectionForms(section, rows))
    return result


def forms_valid(sections: list[SectionForms]) -> bool:
    return all(form.is_valid() for s in sections for _row, _label, form in s.rows)


def values_from_forms(sections: list[SectionForms]) -> ReportValues:
    return {
        s.section.code: {row: dict(form.cleaned_data) for row, _label, form in s.rows}
        for s in sections
    }


def add_issues(sections: list[SectionForms], issues: list[Issue]) -> None:
    """Show each refused rule on every field it names (the typed values stay)."""
    forms_by_key = {(s.section.code, row): form for s in sections for row, _l, form in s.rows}
    for issue in issues:
        form = forms_by_key.get((issue.section, issue.row))
        if form is None:
            continue
        for code in issue.fields:
            if code in form.fields and issue.message not in form.errors.get(code, []):
                form.add_error(code, issue.message)


class SubmitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Comment on the warnings"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed when the report has warnings: explain them for the cluster lead."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class ApproveForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class OpenReportForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100)
    quarter = forms.IntegerField(min_value=1, max_value=4)
