from __future__ import annotations

from django import forms

from cum4.yearend.models import YearEndReport

TEXT_ROWS = 6


class YearEndReportForm(forms.ModelForm):
    class Meta:
        model = YearEndReport
        fields = [
            "parent_body", "number", "symbol", "issued_on", "place", "signer_title",
            "signer_name", "recipients", "assessment", "limitations", "lessons", "next_year",
            "proposals",
        ]
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "signer_title": forms.Textarea(attrs={"rows": 2}),
            "recipients": forms.Textarea(attrs={"rows": 3}),
            **{
                name: forms.Textarea(attrs={"rows": TEXT_ROWS})
                for name in ("assessment", "limitations", "lessons", "next_year", "proposals")
            },
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")
