"""Import-export widgets that write what people read and read back what they wrote.

Out: a choice as its (Vietnamese) label, a unit or an award by its name, a person by their
name, a yes/no as "Có"/"Không", a date as a date. Back in: the label or the code, the name or
the code (files written with codes before keep importing), a date cell read as a datetime as
its date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext as _
from import_export import widgets

Choices = Iterable[tuple[Any, Any]] | Callable[[], Iterable[tuple[Any, Any]]]


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class LabelChoiceWidget(widgets.Widget):
    """A choice written as its label; read back from its label or its code (any case).

    `choices` may be a callable (choices read from the database or a registry when used).
    An unknown value is an error naming the labels, never a silent blank.
    """

    def __init__(self, choices: Choices, *, blank: Any = "") -> None:
        super().__init__()
        self._choices = choices
        self.blank = blank

    @property
    def choices(self) -> list[tuple[Any, str]]:
        choices = self._choices() if callable(self._choices) else self._choices
        return [(code, str(label)) for code, label in choices]

    def clean(self, value, row=None, **kwargs):
        if value is None or _text(value) == "":
            return self.blank
        text = _text(value).casefold()
        for code, label in self.choices:
            if text in (label.strip().casefold(), str(code).casefold()):
                return code
        raise ValueError(
            _("“%(value)s” is not one of: %(codes)s")
            % {"value": value, "codes": ", ".join(label for _code, label in self.choices)}
        )

    def render(self, value, obj=None, **kwargs):
        if value in (None, ""):
            return ""
        return dict(self.choices).get(value, str(value))


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the target's name (`name`), read back from its name or its
    natural code (`field`). With `name=None` the code itself is shown (a person's staff code,
    where names are not unique: the resource shows the name in a column of its own)."""

    def __init__(self, model: type[Model], field: str = "code", name: str | None = "name",
                 **kwargs) -> None:
        super().__init__(model, field, **kwargs)
        self.name = name

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        text = _text(value)
        queryset = self.get_queryset(value, row, **kwargs)
        found = queryset.filter(**{self.field: text}).first()
        if found is None and self.name:
            matches = list(queryset.filter(**{self.name: text})[:2])
            found = matches[0] if len(matches) == 1 else None
        if found is None:
            raise ValueError(_("unknown code “%(code)s”") % {"code": value})
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return str(getattr(value, self.name or self.field, "") or getattr(value, self.field))


class LabelListWidget(LabelChoiceWidget):
    """Several choices in one text field ("maternity,injury"), written as their labels
    separated by "; ", read back from labels separated by ";" or codes separated by ","."""

    def clean(self, value, row=None, **kwargs):
        if value is None or _text(value) == "":
            return ""
        text = _text(value)
        # Labels may hold commas: a file written with labels separates them with ";".
        parts = [part for part in text.split(";" if ";" in text else ",") if part.strip()]
        return ",".join(str(super(LabelListWidget, self).clean(part)) for part in parts)

    def render(self, value, obj=None, **kwargs):
        labels = dict(self.choices)
        codes = [code.strip() for code in str(value or "").split(",") if code.strip()]
        return "; ".join(labels.get(code, code) for code in codes)


class PersonWidget(NaturalKeyWidget):
    """An account written as the person's name (their user name when it has none), read back
    from the user name or the full name."""

    def __init__(self, model: type[Model], field: str = "username", name: str | None = "full_name",
                 **kwargs) -> None:
        super().__init__(model, field, name, **kwargs)

    def render(self, value, obj=None, **kwargs):
        return str(value) if value is not None else ""


class YesNoWidget(widgets.BooleanWidget):
    """Yes/no as "Có"/"Không" in text formats; a spreadsheet gets the value and shows it as
    "Có" (see cum4.exports.tabular). Reads back either, and 1/0, TRUE/FALSE."""

    def __init__(self, *, null: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.null = null

    def clean(self, value, row=None, **kwargs):
        if value is None or _text(value) == "":
            return None if self.null else False
        if isinstance(value, bool):
            return value
        text = _text(value).casefold()
        if text in ("có", "co", "x", "1", "true", "yes", "đúng"):
            return True
        if text in ("không", "khong", "0", "false", "no", "sai"):
            return False
        raise ValueError(_("“%(value)s” is not one of: %(codes)s")
                         % {"value": value, "codes": "Có, Không"})

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return value
        if value is None:
            return ""
        return "Có" if value else "Không"


class LocalDateWidget(widgets.DateWidget):
    """A date cell that a spreadsheet reads back as a datetime is that date."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, dt.datetime):
            return value.date()
        return super().clean(value, row, **kwargs)
