"""A quarter's last day, open loop, and a soak (issue 16 item 8; run by hand, never in the suite).

`prepare` (in process, on the benchmark's data): the quarter that holds today gets its cluster
years (the latest year's members), a draft report per unit with a full quarter typed in, a staff
account per unit and a leader per unit (the demo password). Writes the plan (`--plan`, JSON).

`run` (over HTTP, against gunicorn started with `PAGE_CACHE=0`): requests arrive at a fixed
rate (`--rate` a second, open loop: the next one leaves on time whether or not the earlier ones
have come back; a latency runs from the moment it was due, so a queue shows in it) in the mix
of a deadline day: most of them staff opening and saving their unit's report form, the rest
leads on the status grid, the dashboards and the ranking. Prints p50/p95/p99 and the errors
per page. `--soak` then keeps the same mix for that many seconds and prints each gunicorn
worker's memory (RSS) at the start and the end.

    benchmarks/deadline.sh          # both, with gunicorn as deployed (see benchmarks/README.md)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# page → share of the arrivals. A save is two requests (the form, then the POST): its share
# counts arrivals, each timed as its own page.
MIX = {
    "form_open": 0.34,
    "form_save": 0.26,
    "home_staff": 0.10,
    "my_reports": 0.04,
    "status_grid": 0.10,
    "dashboard": 0.08,
    "unit_dashboard": 0.03,
    "ranking": 0.05,
}
_VERSION = re.compile(r'name="version" value="(\d+)"')
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


# --- prepare (in process) ------------------------------------------------------------------


def prepare(plan_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cum4.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.urls import reverse
    from django.utils import timezone

    from benchmarks.generate import QUARTER
    from cum4.demo import DEMO_PASSWORD
    from cum4.models import ClusterYear, Membership, User
    from cum4.periods import quarter_containing
    from cum4.reports.models import QuarterlyReport
    from cum4.reports.sections import report_sections
    from cum4.reports.services import _write_values

    period = quarter_containing(timezone.localdate())
    year, quarter = period.year, int(period.code[1:])
    latest = (
        ClusterYear.objects.filter(year__lt=year, memberships__isnull=False)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    password = make_password(DEMO_PASSWORD)
    values = {
        s.code: {row: {c: QUARTER.get(c, 0) for c in s.codes} for row in s.row_keys}
        for s in report_sections()
    }
    staff, leads, unit_pages = [], [], []
    with transaction.atomic():
        for old in ClusterYear.objects.filter(year=latest).select_related("cluster"):
            current, _ = ClusterYear.objects.get_or_create(cluster=old.cluster, year=year)
            for membership in old.memberships.select_related("unit"):
                Membership.objects.get_or_create(
                    cluster_year=current, unit=membership.unit,
                    defaults={"role": membership.role},
                )
            for membership in current.memberships.select_related("unit").order_by("unit__code"):
                unit = membership.unit
                for role, name in ((User.Role.STAFF, "staff"), (User.Role.LEADER, "leader")):
                    User.objects.get_or_create(
                        username=f"dl_{unit.code}_{name}",
                        defaults={"role": role, "unit": unit, "password": password,
                                  "full_name": f"{name} {unit.name}"},
                    )
                report, created = QuarterlyReport.objects.get_or_create(
                    unit=unit, year=year, quarter=quarter
                )
                if created:
                    _write_values(report, values)
                staff.append({
                    "user": f"dl_{unit.code}_staff",
                    "form": reverse("reports:detail", args=[report.pk]),
                    "unit_dashboard": reverse("cum4:dashboard_unit", args=[unit.code]),
                })
                if membership.role == Membership.Role.LEAD:
                    code = old.cluster.code
                    leads.append({
                        "user": f"dl_{unit.code}_leader",
                        "status_grid": reverse("reports:grid_year", args=[code, year]),
                        "dashboard": reverse("cum4:dashboard_cluster", args=[code, latest])
                        + "?period=year",
                        "ranking": reverse("emulation:ranking", args=[code, latest]),
                    })
        unit_pages = [s["unit_dashboard"] for s in staff]
    post = {}
    for section in report_sections():
        for row in section.row_keys:
            prefix = f"{section.code}-{row}" if row else section.code
            for code in section.codes:
                post[f"{prefix}-{code}"] = str(values[section.code][row][code])
    plan = {"year": year, "quarter": quarter, "staff": staff, "leads": leads,
            "unit_dashboards": unit_pages, "post": post, "password": DEMO_PASSWORD}
    Path(plan_path).write_text(json.dumps(plan, ensure_ascii=False, indent=1))
    print(f"Quý {quarter}/{year}: {len(staff)} units with a draft and a staff account, "
          f"{len(leads)} cluster leads; plan in {plan_path}")


# --- run (over HTTP) -----------------------------------------------------------------------


class Session:
    """One person's browser: a cookie jar, logged in through the login form."""

    def __init__(self, base: str, username: str, password: str) -> None:
        import http.cookiejar

        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        page = self.opener.open(f"{base}/accounts/login/", timeout=60).read().decode()
        body = {"username": username, "password": password,
                "csrfmiddlewaretoken": _CSRF.search(page).group(1)}
        status, _ = self.post("/accounts/login/", body)
        if status != 302:
            raise SystemExit(f"login as {username} failed ({status})")
        self.lock = threading.Lock()  # one request at a time, as one browser tab

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""

    def post(self, path: str, data: dict) -> tuple[int, str]:
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        request = urllib.request.Request(
            self.base + path, data=urllib.parse.urlencode(data).encode(),
            headers={"Referer": self.base + path, "X-CSRFToken": token},
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a 302 is an answer, not a hop
        return None


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {}
        self.errors: dict[str, int] = {}

    def add(self, page: str, due: float, ok: bool) -> None:
        with self.lock:
            self.latencies.setdefault(page, []).append(time.perf_counter() - due)
            self.errors.setdefault(page, 0)
            if not ok:
                self.errors[page] += 1

    def table(self, title: str) -> str:
        lines = [title, f"{'page':<16}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
                        f"{'errors':>8}"]
        everything: list[float] = []
        for page in MIX | {"form_save_post": 0}:
            times = sorted(self.latencies.get(page, []))
            if not times:
                continue
            everything += times
            q = statistics.quantiles(times, n=100) if len(times) > 1 else [times[0]] * 99
            lines.append(f"{page:<16}{len(times):>9}{q[49] * 1000:>9.0f}{q[94] * 1000:>9.0f}"
                         f"{q[98] * 1000:>9.0f}{self.errors.get(page, 0):>8}")
        everything.sort()
        q = statistics.quantiles(everything, n=100)
        lines.append(f"{'all':<16}{len(everything):>9}{q[49] * 1000:>9.0f}{q[94] * 1000:>9.0f}"
                     f"{q[98] * 1000:>9.0f}{sum(self.errors.values()):>8}")
        return "\n".join(lines)


def _worker_memory(master: int) -> dict[int, int]:
    """RSS in MB of each gunicorn worker (the master's children)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(fields.get("PPid", "0").strip()) == master:
            found[int(entry.name)] = int(fields["VmRSS"].split()[0]) // 1024
    return found


def drive(plan: dict, base: str, rate: float, seconds: float, recorder: Recorder) -> None:
    staff = [(s, Session(base, s["user"], plan["password"])) for s in plan["staff"]]
    leads = [(lead, Session(base, lead["user"], plan["password"])) for lead in plan["leads"]]
    rng = random.Random(16)
    pages, weights = list(MIX), list(MIX.values())
    saves = iter(range(10**9))

    def one(page: str, due: float) -> None:
        if page in ("status_grid", "dashboard", "ranking"):
            person, session = rng.choice(leads)
            path = person[page]
        elif page == "form_save":
            person, session = staff[next(saves) % len(staff)]
            with session.lock:
                status, html = session.get(person["form"])
                recorder.add("form_save", due, status == 200)
                match = _VERSION.search(html)
                started = time.perf_counter()
                status, _ = session.post(
                    person["form"], {**plan["post"], "version": match.group(1) if match else "0"}
                )
                recorder.add("form_save_post", started, status == 302)
            return
        else:
            person, session = rng.choice(staff)
            path = {"form_open": person["form"], "home_staff": "/", "my_reports": "/reports/",
                    "unit_dashboard": person["unit_dashboard"]}[page]
        with session.lock:
            status, _ = session.get(path)
        recorder.add(page, due, status == 200)

    total = int(rate * seconds)
    start = time.perf_counter() + 0.5
    with ThreadPoolExecutor(max_workers=96) as pool:
        for index in range(total):
            due = start + index / rate
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, rng.choices(pages, weights)[0], due)


def run(args) -> None:
    plan = json.loads(Path(args.plan).read_text())
    recorder = Recorder()
    drive(plan, args.base, args.rate, args.seconds, recorder)
    print(recorder.table(
        f"deadline day, PAGE_CACHE=0, open loop at {args.rate:g} requests/s for "
        f"{args.seconds:g} s ({len(plan['staff'])} units' staff, {len(plan['leads'])} leads); "
        "latency from the moment each request was due"
    ))
    if args.soak:
        before = _worker_memory(args.master) if args.master else {}
        print(f"soak: {args.soak:g} s at {args.rate:g} requests/s; worker RSS at the start (MB): "
              + ", ".join(f"{pid}: {mb}" for pid, mb in sorted(before.items())), flush=True)
        soak = Recorder()
        drive(plan, args.base, args.rate, args.soak, soak)
        after = _worker_memory(args.master) if args.master else {}
        print("soak: worker RSS at the end (MB): "
              + ", ".join(f"{pid}: {mb}" for pid, mb in sorted(after.items())))
        print(soak.table("soak, same mix"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--plan", default="/tmp/cum4_deadline_plan.json")
    r = sub.add_parser("run")
    r.add_argument("--plan", default="/tmp/cum4_deadline_plan.json")
    r.add_argument("--base", default="http://127.0.0.1:8765")
    r.add_argument("--rate", type=float, default=6.0)
    r.add_argument("--seconds", type=float, default=120.0)
    r.add_argument("--soak", type=float, default=0.0, help="seconds of soak after the run")
    r.add_argument("--master", type=int, default=0, help="gunicorn's master pid (memory)")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.plan)
    else:
        run(args)


if __name__ == "__main__":
    main()
