"""Forms of movements (record one, a unit's response with evidence files, a review) and of
the pledge (the pledge, a target, a judgement); Bootstrap classes on every widget."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cum4.models import Unit
from emulation.movements.indicators import indicator_labels
from emulation.movements.models import (
    ManualJudgement,
    Movement,
    MovementReview,
    Pledge,
    PledgeTarget,
)


class BootstrapMixin:
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select):
                css = "form-select form-select-sm"
            elif isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            else:
                css = "form-control form-control-sm"
            widget.attrs.setdefault("class", css)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class MovementForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Movement
        fields = [
            "name",
            "theme",
            "launched_by",
            "launching_unit",
            "scope",
            "kind",
            "document_number",
            "starts_on",
            "ends_on",
            "occasion",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "theme": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, units: list[Unit] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["launching_unit"].queryset = Unit.objects.filter(
                pk__in=[unit.pk for unit in units]
            )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ResponseForm(BootstrapMixin, forms.Form):
    activities = forms.CharField(
        label=_("Activities"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    results = forms.CharField(
        label=_("Results"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    amount_vnd = forms.IntegerField(
        label=_("Amount contributed (đồng)"), min_value=0, initial=0, required=False
    )
    # The version the editor started from, so a concurrent save is refused, not overwritten.
    seen_version = forms.CharField(widget=forms.HiddenInput, required=False)
    files = MultipleFileField(
        label=_("Evidence files"),
        required=False,
        help_text=_("PDF, Word, Excel, JPEG or PNG; at most 10 MB each."),
    )


class ReviewForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = MovementReview
        fields = ["kind", "held_on", "document_number", "summary"]
        widgets = {"held_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 2})}



class PledgeForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Pledge
        fields = ["signed_on", "host_unit", "theme", "document_number", "document"]
        widgets = {
            "signed_on": DateInput(),
            "theme": forms.Textarea(attrs={"rows": 2}),
            "document": forms.FileInput(),
        }

    def __init__(self, *args, units: list[Unit] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["host_unit"].queryset = Unit.objects.filter(pk__in=[u.pk for u in units])


class TargetForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = PledgeTarget
        fields = ["title", "kind", "indicator_code", "comparator", "threshold", "period"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        labels = indicator_labels()
        if labels:
            # One vocabulary: the choice value is the indicator code itself.
            self.fields["indicator_code"] = forms.ChoiceField(
                label=_("indicator"),
                required=False,
                choices=[("", "—"), *((code, f"{code} — {label}") for code, label in labels.items())],
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )


class JudgementForm(BootstrapMixin, forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=ManualJudgement.Status.choices)
    evidence = forms.CharField(
        label=_("evidence"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    evidence_file = forms.FileField(label=_("evidence file"), required=False)
