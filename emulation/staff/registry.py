"""What the staff register adds to the shell: its navigation entry."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from cum4.models import User
from cum4.permissions import is_secretariat
from cum4.registry import NavItem, registry


def _sees_staff(user: User) -> bool:
    """Unit people and the secretariat; decided without a query (the nav is on every page)."""
    return bool(getattr(user, "works_in_unit", False) or is_secretariat(user))


def register() -> None:
    registry.add_nav(
        NavItem(
            gettext_lazy("Staff"), "emulation:staff_home", order=40, visible=_sees_staff,
            group="emulation",
        )
    )
