#!/usr/bin/env bash
# The whole benchmark, by hand: fresh database, data, gunicorn on loopback, load, documents.
# The load driver is wrk when installed (apt-get install -y wrk), else a Python one.
#   benchmarks/run.sh            (PostgreSQL on 127.0.0.1:5432, user postgres, db cum4_bench)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DB=${BENCH_DB:-cum4_bench}
PORT=${BENCH_PORT:-8765}
# As deployed (Dockerfile, docker-compose.yml): sync workers, 3 of them. BENCH_WORKER_CLASS=gthread
# with BENCH_THREADS compares the threaded worker.
WORKERS=${BENCH_WORKERS:-3}
WORKER_CLASS=${BENCH_WORKER_CLASS:-sync}
THREADS=${BENCH_THREADS:-1}
export DATABASE_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$DB}
export SECRET_KEY=benchmark-only-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
export DEBUG=0 ALLOWED_HOSTS=127.0.0.1 HTTPS_REDIRECT=0 SECURE_COOKIES=0 HSTS_SECONDS=0

if [ "${BENCH_KEEP_DB:-0}" != "1" ]; then
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  $PY manage.py migrate --noinput -v0
  $PY benchmarks/generate.py
else
  $PY manage.py migrate --noinput -v0
fi
$PY benchmarks/users.py
$PY manage.py collectstatic --noinput -v0

.venv/bin/gunicorn cum4.wsgi -b 127.0.0.1:$PORT -w "$WORKERS" --threads "$THREADS" \
  -k "$WORKER_CLASS" --log-level warning & GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf http://127.0.0.1:$PORT/healthz >/dev/null && break; sleep 0.2; done

$PY benchmarks/load.py --base http://127.0.0.1:$PORT --users 16 --user "bench{n:02d}" \
  --requests "${BENCH_REQUESTS:-800}" --seconds "${BENCH_SECONDS:-40}" \
  --writes-per-second "${BENCH_WRITES:-0}" \
  --page floor=/accounts/password/ \
  --page dashboard=/clusters/cum-iv/2025/dashboard/?period=year \
  --page status_grid=/reports/status/cum-iv/2025/ \
  --page ranking=/emulation/scoring/cum-iv/2025/ranking/

kill $GUNICORN; wait $GUNICORN 2>/dev/null || true
$PY benchmarks/pages.py
$PY benchmarks/documents.py cum-iv 2025
