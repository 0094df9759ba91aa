"""One request at a time, in process: what each benchmarked page costs (run by hand).

The figures under load depend on how fast the machine's cores are at that moment (on a
shared VM that varies by half); these do too, but they show each page's own cost next to
the floor's, with its query count, on the same data and settings as the load test: served
again from the page cache (nothing is committed meanwhile, as under the load test), and
rendered, as after a commit (`PAGE_CACHE` off; the content caches beneath stay warm).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cum4_bench .venv/bin/python benchmarks/pages.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cum4.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks.machine import reference_ms  # noqa: E402

PAGES = {
    "floor": "/accounts/password/",
    "dashboard": "/clusters/cum-iv/2025/dashboard/?period=year",
    "status_grid": "/reports/status/cum-iv/2025/",
    "ranking": "/emulation/scoring/cum-iv/2025/ranking/",
}
REQUESTS = 60


def _measure(client: Client, path: str) -> tuple[float, float, int]:
    """Median and minimum time in ms, and the query count, of `path` after a warm-up."""
    for _ in range(5):
        assert client.get(path).status_code == 200, path
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return statistics.median(times), min(times), len(queries)


def main(username: str = "secretariat", password: str = "cum4-demo-2022") -> None:
    client = Client(SERVER_NAME="127.0.0.1")  # a host run.sh allows
    if not client.login(username=username, password=password):
        raise SystemExit(f"login as {username} failed")
    print(f"in process, one at a time, {REQUESTS} requests each after a warm-up (content caches "
          f"warm); reference loop {reference_ms():.0f} ms")
    print(f"{'':<14}{'served again from the page cache':>36}{'rendered (PAGE_CACHE=0)':>36}")
    print(f"{'page':<14}" + f"{'median ms':>10}{'min ms':>8}{'queries':>9}{'vs floor':>9}" * 2)
    floor: dict[bool, float] = {}
    for name, path in PAGES.items():
        line = f"{name:<14}"
        for cached in (True, False):
            with override_settings(PAGE_CACHE=cached):
                median, least, queries = _measure(client, path)
            floor.setdefault(cached, median)
            line += f"{median:>10.1f}{least:>8.1f}{queries:>9}{median / floor[cached]:>8.1f}×"
        print(line)


if __name__ == "__main__":
    main()
