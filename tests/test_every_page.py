"""Every routed page, opened by each persona on the full demo, answers without a server error,
and every HTML page carries a Content-Security-Policy that allows no inline script or style.

One demo load serves the whole walk; pages that need an object id are opened through the links
of the pages before them are not followed here, their own suites cover them.
"""

from __future__ import annotations

import itertools
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from cum4.models import User

pytestmark = pytest.mark.django_db

CODES = ("cum-iv", "laichau")
YEARS = ("2022", "2025")
PERSONAS = ("langson.leader", "laichau.staff", "secretariat", "viewer")


def _routes(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def _paths() -> list[str]:
    paths = set()
    for route in _routes(get_resolver().url_patterns):
        if route.startswith(("admin/", "^")) or "(?P" in route or "logout" in route:
            continue
        params = re.findall(r"<(?:(\w+):)?(\w+)>", route)
        if any(kind == "int" and name not in ("year",) for kind, name in params):
            continue  # needs an object id
        slots = []
        for _kind, name in params:
            if name == "year":
                slots.append(YEARS)
            elif name in ("code",):
                slots.append(CODES)
            elif name.endswith("code"):
                slots.append(("laichau",))
            else:
                slots.append(("xlsx",) if name == "fmt" else ("q1",))
        for values in itertools.product(*slots):
            path = route
            for value in values:
                path = re.sub(r"<(?:\w+:)?\w+>", value, path, count=1)
            paths.add("/" + path)
    return sorted(paths)


def test_it_answers_every_page_without_a_server_error():
    call_command("load_demo", quiet_logins=True)
    paths = _paths()
    assert len(paths) > 40
    failures = []
    for username in PERSONAS:
        client = Client(raise_request_exception=False)
        client.force_login(User.objects.get(username=username))
        for path in paths:
            response = client.get(path)
            if response.status_code >= 500:
                failures.append(f"{username} GET {path} → {response.status_code}")
            if response.get("Content-Type", "").startswith("text/html"):
                policy = response.get("Content-Security-Policy", "")
                if "frame-ancestors 'none'" not in policy or "unsafe-inline" in policy:
                    failures.append(f"{username} GET {path}: CSP {policy!r}")
    assert not failures, "\n".join(failures)
