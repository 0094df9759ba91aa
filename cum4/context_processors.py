from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest

from cum4.registry import NAV_GROUPS, NavItem, registry


@dataclass
class NavGroup:
    label: object
    items: list[NavItem] = field(default_factory=list)

    @property
    def order(self) -> int:
        return min(item.order for item in self.items)


def navigation(request: HttpRequest) -> dict:
    """The navigation the registry admits for this user: items and drop-down groups, in order."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_entries": []}
    entries: list[NavItem | NavGroup] = []
    groups: dict[str, NavGroup] = {}
    for item in registry.nav:
        if not item.visible(user):
            continue
        if item.group in NAV_GROUPS:
            if item.group not in groups:
                groups[item.group] = NavGroup(NAV_GROUPS[item.group])
                entries.append(groups[item.group])
            groups[item.group].items.append(item)
        else:
            entries.append(item)
    entries.sort(key=lambda entry: entry.order)
    return {"nav_entries": entries}
