from __future__ import annotations

from django.http import HttpRequest

from cum4.registry import registry


def navigation(request: HttpRequest) -> dict:
    """The navigation entries the registry admits for this user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    return {"nav_items": [item for item in registry.nav if item.visible(user)]}
