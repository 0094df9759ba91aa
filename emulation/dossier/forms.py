"""Forms of the dossier: the written parts of a component (built from its parts), freezing
with number and date, and the signed copy."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from emulation.dossier.content import Part


class WrittenForm(forms.Form):
    """One field per written part, prefilled with what was written or the records' default."""

    def __init__(self, *args, parts: list[Part], written: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for part in parts:
            widget = (forms.Textarea(attrs={"rows": 4}) if part.multiline
                      else forms.TextInput())
            self.fields[part.key] = forms.CharField(
                label=part.label, required=False, widget=widget,
                initial=written.get(part.key) or part.default, max_length=20000)


class FreezeForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=40)
    issued_on = forms.DateField(label=_("Date of the document"), initial=timezone.localdate,
                                widget=forms.DateInput(attrs={"type": "date"}))


class SignedCopyForm(forms.Form):
    file = forms.FileField(label=_("Signed copy (scan)"))


class UnitDossierSendForm(forms.Form):
    note = forms.CharField(
        label=_("What was sent"), max_length=500, required=False,
        widget=forms.TextInput(attrs={"class": "form-control"}),
        help_text=_("E.g. the covering letter's number and the documents sent with it."))
