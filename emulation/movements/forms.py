"""Forms of movements: record one, a unit's response with evidence files, a review."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cum4.models import Unit
from emulation.forms._bootstrap import BootstrapMixin
from emulation.models import Movement, MovementReview


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
