"""The authentication backend: Django's, with the user's unit read in the same query."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UnitModelBackend(ModelBackend):
    """Every page shows the signed-in user's unit (menu, home, permissions) and the unread
    count of their notifications (the bell): reading both with the user saves two queries on
    each request."""

    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = model._default_manager.select_related("unit", "inbox").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
