"""The entry page's forms: one small form per section row, its fields named by the codes."""

from __future__ import annotations

from dataclasses import dataclass

from crispy_forms.bootstrap import AppendedText
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from cum4.reports.sections import ReportSection, report_sections
from cum4.reports.validation import Issue, ReportValues


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
        self.section, self.row = section, row
        for spec in section.indicators:
            self.fields[spec.code] = forms.IntegerField(
                label=spec.label,
                required=False,
                min_value=0,
                disabled=readonly,
                widget=forms.NumberInput(
                    attrs={
                        "min": 0,
                        "step": 1,
                        "inputmode": "numeric",
                        "data-code": spec.code,
                        "data-section": section.code,
                    }
                ),
                error_messages={"invalid": _("Enter a whole number (no dots or commas).")},
            )
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        # Labels above, the unit of measure inside the input group: "…[ 1902 ][cuộc]".
        self.helper.layout = Layout(
            Row(
                *(
                    Column(AppendedText(spec.code, spec.unit), css_class=f"{columns} field-col")
                    for spec in section.indicators
                )
            )
        )


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
