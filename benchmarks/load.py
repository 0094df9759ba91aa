"""The load driver: logged-in users on loopback, each with its own session (run by hand).

With wrk installed (`apt-get install -y wrk`, the default driver): one wrk connection per user
carrying that user's session cookie, each page for its share of `--seconds`; wrk is written in
C, so it takes little of the CPU it shares with the server. Without it: `--users` Python
threads (urllib, one cookie jar per user) share a budget of `--requests` requests per page.
Either way the pages are interleaved in `--rounds` and the table gives requests/s, p50 and p95
(ms) and the ratio to the floor page's throughput.

`--writes-per-second N` commits N times a second while the pages are driven, as the units'
saves would: each commit moves PostgreSQL's snapshot, so every page is rendered afresh once
per user and worker after it (cum4/page_cache.py). What it writes (a unit's name, unchanged)
leaves the content caches beneath warm, as a draft saved by a unit would.

    .venv/bin/python benchmarks/load.py --base http://127.0.0.1:8765 --user "bench{n:02d}" \
        --page floor=/accounts/password_change/ --page dashboard=/clusters/cum-iv/2025/dashboard/
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import reference_ms


def login(base: str, username: str, password: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(
        f"{base}/accounts/login/", data=body, headers={"Referer": f"{base}/accounts/login/"}
    )
    opener.open(request, timeout=30).read()
    if not any(cookie.name == "sessionid" for cookie in jar):
        raise SystemExit(f"login as {username} failed")
    return opener


def run_page(openers, base: str, path: str, requests: int, seconds: float) -> dict:
    """One burst: the users share `requests` requests (stopping at `seconds`)."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    remaining = [requests]
    deadline = time.perf_counter() + seconds

    def worker(opener) -> None:
        nonlocal errors
        while True:
            with lock:
                if remaining[0] <= 0 or time.perf_counter() > deadline:
                    return
                remaining[0] -= 1
            started = time.perf_counter()
            try:
                with opener.open(base + path, timeout=30) as response:
                    response.read()
                    ok = response.status == 200
            except urllib.error.URLError:
                ok = False
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    latencies.append(elapsed)
                else:
                    errors += 1

    threads = [threading.Thread(target=worker, args=(opener,)) for opener in openers]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {"latencies": latencies, "errors": errors, "wall": wall}


# Each wrk thread holds one connection and one user's session; done() prints every latency
# (µs, with its count) so that the rounds of a page merge into exact percentiles.
WRK_SCRIPT = """
local cookies = %s
local created = 0
function setup(thread)
  created = created + 1
  thread:set("cookie", cookies[(created - 1) %% #cookies + 1])
end
function init(args)
  wrk.headers["Cookie"] = cookie
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK %%d %%d %%d\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout))
  for i = 1, #latency do
    local value, count = latency(i)
    io.write(string.format("LAT %%d %%d\\n", value, count))
  end
end
"""


def session_cookie(opener: urllib.request.OpenerDirector) -> str:
    jar = next(h.cookiejar for h in opener.handlers if hasattr(h, "cookiejar"))
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def run_page_wrk(script: str, users: int, base: str, path: str, seconds: float) -> dict:
    """One burst of wrk: `users` connections for `seconds`."""
    output = subprocess.run(
        ["wrk", f"-t{users}", f"-c{users}", f"-d{max(int(seconds), 1)}s", "--timeout", "30s",
         "-s", script, base + path],
        capture_output=True, text=True, check=True,
    ).stdout
    latencies: list[float] = []
    requests = duration = errors = 0
    for line in output.splitlines():
        if line.startswith("WRK "):
            requests, duration, errors = (int(x) for x in line.split()[1:])
        elif line.startswith("LAT "):
            value, count = (int(x) for x in line.split()[1:])
            latencies.extend([value / 1_000_000] * count)
    # Every request wrk counted took the CPU; the failed ones are counted, not timed.
    return {"latencies": latencies, "errors": errors, "wall": duration / 1_000_000,
            "requests": requests}


class Writer(threading.Thread):
    """Commits `per_second` times a second on its own connection until stopped."""

    def __init__(self, database_url: str, per_second: float) -> None:
        super().__init__(daemon=True)
        self.database_url, self.per_second = database_url, per_second
        self.stopped = threading.Event()
        self.commits = 0

    def run(self) -> None:
        import psycopg2

        connection = psycopg2.connect(self.database_url)
        connection.autocommit = True
        with connection.cursor() as cursor:
            while not self.stopped.wait(1 / self.per_second):
                cursor.execute("UPDATE cum4_unit SET name = name "
                               "WHERE id = (SELECT min(id) FROM cum4_unit)")
                self.commits += 1
        connection.close()


def summary(bursts: list[dict]) -> dict:
    latencies = sorted(x for burst in bursts for x in burst["latencies"])
    wall = sum(burst["wall"] for burst in bursts)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    done = sum(burst.get("requests", len(burst["latencies"])) for burst in bursts)
    errors = sum(burst["errors"] for burst in bursts)
    return {
        "requests": done,
        "errors": errors,
        "rps": (done - errors) / wall if wall else 0.0,
        "p50": quantiles[49] * 1000,
        "p95": quantiles[94] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8765")
    parser.add_argument("--user", default="secretariat")
    parser.add_argument("--password", default="cum4-demo-2022")
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--requests", type=int, default=800)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=int, default=32)
    parser.add_argument(
        "--rounds", type=int, default=4,
        help="interleave the pages in rounds, so a change of the machine's load hits all alike",
    )
    parser.add_argument("--page", action="append", required=True, help="name=/path (first = floor)")
    parser.add_argument("--writes-per-second", type=float, default=0,
                        help="commits a second while the pages are driven (needs --database-url)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--driver", choices=["wrk", "python"],
                        default="wrk" if shutil.which("wrk") else "python")
    args = parser.parse_args()
    speed_before = reference_ms()
    # "--user bench{n:02d}": a user of its own for each connection; without {n}, one for all.
    openers = [login(args.base, args.user.format(n=n), args.password)
               for n in range(1, args.users + 1)]
    pages = [spec.partition("=")[::2] for spec in args.page]
    for _name, path in pages:
        run_page(openers, args.base, path, args.warmup, args.seconds)  # warm caches and workers
    bursts: dict[str, list[dict]] = {name: [] for name, _path in pages}
    per_round = max(args.requests // args.rounds, 1)
    writer = Writer(args.database_url, args.writes_per_second) if args.writes_per_second else None
    if writer:
        writer.start()
    started = time.perf_counter()
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        cookies = [session_cookie(opener) for opener in openers]
        script.write(WRK_SCRIPT % ("{" + ", ".join(json.dumps(c) for c in cookies) + "}"))
        script.flush()
        for _round in range(args.rounds):
            for name, path in pages:
                if args.driver == "wrk":
                    burst = run_page_wrk(script.name, args.users, args.base, path,
                                         args.seconds / args.rounds)
                else:
                    burst = run_page(openers, args.base, path, per_round,
                                     args.seconds / args.rounds)
                bursts[name].append(burst)
    elapsed = time.perf_counter() - started
    if writer:
        writer.stopped.set()
        writer.join()
    print(f"driver: {args.driver}, {args.users} users, {args.rounds} rounds; reference loop "
          f"{speed_before:.0f} ms before, {reference_ms():.0f} ms after (lower = faster machine)")
    print(f"commits during the load: {writer.commits / elapsed:.1f} a second" if writer else
          "commits during the load: none (every page after the first is served again)")
    results = {name: summary(bursts[name]) for name, _path in pages}
    floor_name = args.page[0].partition("=")[0]
    floor = results[floor_name]["rps"] or 1.0
    print(f"{'page':<18}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'vs floor':>10}")
    for name, result in results.items():
        print(
            f"{name:<18}{result['requests']:>9}{result['errors']:>8}{result['rps']:>9.1f}"
            f"{result['p50']:>9.1f}{result['p95']:>9.1f}{result['rps'] / floor:>9.0%}"
        )


if __name__ == "__main__":
    main()
