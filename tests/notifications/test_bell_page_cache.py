"""A page served again from the page cache shows each person their own unread count."""

from __future__ import annotations

import pytest
from django.db import connection

from cum4.models import User
from cum4.notifications.models import Notification
from cum4.notifications.services import Message, notify
from tests.cum4.test_page_cache import _get, _while_nothing_commits
from tests.exports.conftest import seed_2022  # noqa: F401  (the 2022 seed year, approved)
from tests.notifications.test_notification_pages import COUNT

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a snapshot is PostgreSQL's"),
]
GRID = "/reports/status/cum-iv/2022/"


def test_colleagues_sharing_a_cached_page_each_see_their_own_unread_count(
    seed_2022, client_for, staff_laichau  # noqa: F811
):
    colleague = User.objects.create(
        username="laichau.staff2", role=User.Role.STAFF, unit=staff_laichau.unit
    )
    for _ in range(2):
        notify(
            recipients=[colleague],
            kind=Notification.Kind.REPORT_APPROVED,
            message=Message("Báo cáo đã được phê duyệt"),
        )
    mine, theirs = client_for(staff_laichau), client_for(colleague)
    (first, _), (second, served) = _while_nothing_commits(
        lambda: (_get(mine, GRID), _get(theirs, GRID))
    )
    assert len(served) == 3  # served again: the snapshot, the session, the user with the inbox
    assert COUNT.search(first).group(1) == "" and COUNT.search(second).group(1) == "2"
    _, (again, served) = _while_nothing_commits(lambda: (_get(theirs, GRID), _get(mine, GRID)))
    assert len(served) == 3 and COUNT.search(again).group(1) == ""
