"""Shared fixtures: the demo core and named personas with different rights.

Personas (all from `cum4.demo`): unit staff of Lai Châu, leader of Sơn La, the 2022 cluster lead
(leader of Lạng Sơn), the secretariat and the viewer.
"""

from __future__ import annotations

import os
import shutil

import pytest
from django.core.cache import cache, caches
from django.test import Client

from cum4 import demo
from cum4.models import ClusterYear, Unit, User


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the figure and fragment caches are keyed by the
    data, and a rolled-back test may leave rows with the same ids and times as the next."""
    cache.clear()
    caches["pages"].clear()


@pytest.fixture
def core(db) -> None:
    """The demo's units, cluster years, memberships and users (no report data)."""
    demo.load_core()


def _user(username: str) -> User:
    return User.objects.select_related("unit").get(username=username)


@pytest.fixture
def staff_laichau(core) -> User:
    return _user("laichau.staff")


@pytest.fixture
def leader_laichau(core) -> User:
    return _user("laichau.leader")


@pytest.fixture
def leader_sonla(core) -> User:
    return _user("sonla.leader")


@pytest.fixture
def lead_2022(core) -> User:
    """The leader of Lạng Sơn, which holds the cluster lead in 2022 (a plain member in 2023)."""
    return _user("langson.leader")


@pytest.fixture
def secretariat(core) -> User:
    return _user("secretariat")


@pytest.fixture
def viewer(core) -> User:
    return _user("viewer")


@pytest.fixture
def cluster_2022(core) -> ClusterYear:
    return ClusterYear.objects.get(cluster__code=demo.CLUSTER_CODE, year=2022)


@pytest.fixture
def unit(core):
    def get(code: str) -> Unit:
        return Unit.objects.get(code=code)

    return get


@pytest.fixture
def client_for():
    """A logged-in test client for a persona: client_for(staff_laichau)."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def browser_tests_required() -> bool:
    return os.environ.get("BROWSER_TESTS") == "1"


PROJECT_APPS = ("cum4", "inspections", "complaints", "emulation")


@pytest.fixture(scope="session")
def _seeded_rows(django_db_setup, django_db_blocker) -> str:
    """The project's rows as the migrations left them (the rule rows data migrations seed),
    taken before the first transactional test. pytest-django runs transactional tests after
    the others, whose changes were rolled back, so nothing else is in it."""
    import itertools

    from django.apps import apps
    from django.core import serializers

    with django_db_blocker.unblock():
        querysets = [
            model._default_manager.order_by("pk")
            for label in PROJECT_APPS
            for model in apps.get_app_config(label).get_models()
        ]
        return serializers.serialize("json", itertools.chain.from_iterable(querysets))


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"live_server", "transactional_db"} & set(request.fixturenames)
    )


@pytest.fixture(autouse=True)
def _reseed_after_flush(request):
    """Transactional tests (the browser's, the page cache's) flush the database after each
    test, which also empties the quarter windows, title rules and other seeded rows; put them
    back before the next one. (Django's serialized rollback would too, but pytest-django skips
    taking its snapshot when the first database test asks for `transactional_db` through
    another fixture.)"""
    if not _is_transactional(request):
        return
    seeded_rows = request.getfixturevalue("_seeded_rows")
    request.getfixturevalue("transactional_db")
    from django.core import serializers

    from cum4.models import QuarterWindow

    if QuarterWindow.objects.exists():
        return
    deferred = []
    for obj in serializers.deserialize("json", seeded_rows, handle_forward_references=True):
        obj.save()
        if obj.deferred_fields:
            deferred.append(obj)
    for obj in deferred:
        obj.save_deferred_fields()
