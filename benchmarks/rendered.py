"""Every page a person uses, rendered (`PAGE_CACHE=0`), one request at a time, in process,
against the trivial logged-in page (issue 16 item 7: at most 3× it). Run by hand.

Works on the demo (`manage.py load_demo`, SQLite or PostgreSQL) and on the benchmark's data
(`benchmarks/generate.py`): the pages are found in the data, not hard-coded. Each page is
asked by the persona that uses it; the median of REQUESTS after a warm-up, the query count.

    .venv/bin/python benchmarks/rendered.py                      # db.sqlite3 with the demo
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cum4_bench_perf .venv/bin/python benchmarks/rendered.py
"""

from __future__ import annotations

import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cum4.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
for name, value in (("HTTPS_REDIRECT", "0"), ("SECURE_COOKIES", "0"), ("HSTS_SECONDS", "0")):
    os.environ.setdefault(name, value)
os.environ["PAGE_CACHE"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from cum4.models import ClusterYear, Membership, User  # noqa: E402
from cum4.reports.models import QuarterlyReport  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_RENDERED_REQUESTS", "30"))
LIMIT = 3.0


def _pages() -> list[tuple[str, str, str]]:
    """(name, username, path): the pages of a quarter's last day, each as its persona."""
    # The latest cluster year with reports of its members: the one people work in.
    latest = QuarterlyReport.objects.order_by("-year").values_list("year", flat=True).first()
    # …whose lead unit has a leader's account (the demo's cluster in the benchmark's data).
    cy = (
        ClusterYear.objects.filter(
            year=latest,
            memberships__role=Membership.Role.LEAD,
            memberships__unit__users__role=User.Role.LEADER,
        )
        .select_related("cluster")
        .order_by("cluster__code")
        .first()
    )
    lead_unit = Membership.objects.get(cluster_year=cy, role=Membership.Role.LEAD).unit
    member = (
        Membership.objects.filter(cluster_year=cy, unit__users__role=User.Role.STAFF)
        .exclude(unit=lead_unit)
        .select_related("unit")
        .order_by("unit__name")
        .first()
    )
    unit = member.unit
    staff = User.objects.filter(unit=unit, role=User.Role.STAFF).order_by("pk").first()
    leader = User.objects.filter(unit=unit, role=User.Role.LEADER).order_by("pk").first()
    lead = User.objects.filter(unit=lead_unit, role=User.Role.LEADER).order_by("pk").first()
    secretariat = User.objects.filter(role=User.Role.SECRETARIAT).order_by("pk").first()
    report = (
        QuarterlyReport.objects.filter(unit=unit, year=cy.year).order_by("-quarter").first()
        or QuarterlyReport.objects.filter(unit=unit).order_by("-year", "-quarter").first()
    )
    # The lead reads a report sent to the cluster (never a draft): the unit's latest one.
    reviewed = (
        QuarterlyReport.objects.filter(unit=unit)
        .exclude(state=QuarterlyReport.State.DRAFT)
        .order_by("-year", "-quarter")
        .first()
        or report
    )
    code, year = cy.cluster.code, cy.year
    pages = [
        ("floor", staff.username, reverse("password_change")),
        ("report_form", staff.username, reverse("reports:detail", args=[report.pk])),
        ("report_form_lead", lead.username, reverse("reports:detail", args=[reviewed.pk])),
        ("home_staff", staff.username, "/"),
        ("home_leader", leader.username, "/"),
        ("home_lead", lead.username, "/"),
        ("home_secretariat", secretariat.username, "/"),
        ("my_reports", staff.username, reverse("reports:list")),
        ("dashboard", lead.username, reverse("cum4:dashboard_cluster", args=[code, year])
         + "?period=year"),
        ("unit_dashboard", staff.username, reverse("cum4:dashboard_unit", args=[unit.code])),
        ("status_grid", lead.username, reverse("reports:grid_year", args=[code, year])),
    ]
    emulation = [
        ("ranking", lead.username, "emulation:ranking", [code, year]),
        ("score_sheet", leader.username, "emulation:score_sheet", [code, year, unit.code]),
        ("eligibility", leader.username, "emulation:eligibility", [unit.code, year]),
        ("staff_list", leader.username, "emulation:staff_list", [unit.code]),
    ]
    for name, username, url_name, args in emulation:
        pages.append((name, username, reverse(url_name, args=args)))
    return pages


def _measure(client: Client, path: str) -> tuple[float, int, int]:
    """Median ms after a warm-up, the query count and the status."""
    status = 0
    for _ in range(3):
        status = client.get(path).status_code
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return statistics.median(times), len(queries), status


def main() -> None:
    """Each page measured between two runs of the floor, as the same person: on a shared
    machine whose speed changes by the minute, the ratio to the floor around it holds."""
    logging.getLogger("django.request").setLevel(logging.CRITICAL)  # a 403 is in the table
    pages = _pages()
    floor_path = pages[0][2]
    clients: dict[str, Client] = {}
    print(f"rendered (PAGE_CACHE=0), in process, median of {REQUESTS} after a warm-up; the floor")
    print("(the trivial logged-in page) is measured before and after each page, as its user")
    print(f"{'page':<18}{'as':<18}{'ms':>8}{'floor ms':>10}{'queries':>9}{'vs floor':>10}")
    worst = 0.0
    for name, username, path in pages:
        client = clients.get(username)
        if client is None:
            client = clients[username] = Client(SERVER_NAME="127.0.0.1")
            # force_login: django-axes' backend refuses client.login (no request to throttle).
            client.force_login(User.objects.get(username=username))
        before, _q, _s = _measure(client, floor_path)
        median, queries, status = _measure(client, path)
        after, _q, _s = _measure(client, floor_path)
        floor = (before + after) / 2
        ratio = median / floor
        worst = max(worst, ratio)
        flag = "" if status == 200 else f"  HTTP {status}"
        flag += "  OVER" if ratio > LIMIT else ""
        print(f"{name:<18}{username:<18}{median:>8.1f}{floor:>10.1f}{queries:>9}{ratio:>9.1f}×{flag}")
    print(f"worst ratio {worst:.1f}× (limit {LIMIT:.0f}×)")


if __name__ == "__main__":
    main()
