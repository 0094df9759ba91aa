#!/usr/bin/env bash
# A quarter's last day (open loop) and a soak, on the benchmark's data, page cache off
# (issue 16 item 8). By hand: it takes BENCH_SECONDS + BENCH_SOAK (default 120 s + 600 s).
#   BENCH_DB=cum4_bench_perf benchmarks/deadline.sh   (after benchmarks/run.sh has made the data)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DB=${BENCH_DB:-cum4_bench}
PORT=${BENCH_PORT:-8765}
WORKERS=${BENCH_WORKERS:-3}
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$DB}
export SECRET_KEY=benchmark-only-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1 HTTPS_REDIRECT=0 SECURE_COOKIES=0 HSTS_SECONDS=0
export PAGE_CACHE=0

$PY manage.py migrate --noinput -v0
$PY benchmarks/deadline.py prepare
$PY manage.py collectstatic --noinput -v0

.venv/bin/gunicorn cum4.wsgi -b 127.0.0.1:$PORT -w "$WORKERS" --log-level warning & GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.2; done

$PY benchmarks/deadline.py run --base http://127.0.0.1:$PORT --rate "${BENCH_RATE:-6}" \
  --seconds "${BENCH_SECONDS:-120}" --soak "${BENCH_SOAK:-600}" --master "$GUNICORN"

kill $GUNICORN; wait $GUNICORN 2>/dev/null || true
