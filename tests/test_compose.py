"""docker-compose.yml parses and agrees with the settings (no Docker engine runs here)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _env_example() -> dict[str, str]:
    pairs = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def _settings_variables() -> set[str]:
    text = (ROOT / "cum4" / "settings.py").read_text()
    return set(re.findall(r'env(?:bool|int|list|str)\(\s*"([A-Z_]+)"', text))


def test_it_runs_postgresql_16_and_the_app_under_gunicorn():
    services = _compose()["services"]
    assert set(services) == {"db", "app", "reminders"}
    assert services["db"]["image"] == "postgres:16"
    command = services["app"]["command"]
    assert "migrate --noinput" in command and "collectstatic --noinput" in command
    assert "gunicorn cum4.wsgi:application" in command
    assert services["app"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_it_sends_the_reminders_from_a_service_that_runs_the_command_in_a_loop():
    services = _compose()["services"]
    reminders = services["reminders"]
    command = reminders["command"]
    assert "python manage.py send_reminders" in command
    assert command.strip().startswith('sh -c "while true; do') and "sleep " in command
    # At least once a day (the command is idempotent per day, so more often is harmless).
    assert int(re.search(r"sleep (\d+)", command).group(1)) <= 86400
    assert reminders["build"] == services["app"]["build"]
    assert reminders["env_file"] == ".env"
    assert reminders["environment"]["DATABASE_URL"] == services["app"]["environment"]["DATABASE_URL"]
    # The app's start migrates: the reminders wait until it answers.
    assert reminders["depends_on"]["app"]["condition"] == "service_healthy"
    assert reminders["restart"] == "unless-stopped"


def test_it_points_the_app_at_the_db_service_and_port():
    services = _compose()["services"]
    url = services["app"]["environment"]["DATABASE_URL"]
    assert url.startswith("postgres://") and "@db:5432/" in url
    assert services["app"]["ports"] == ["${APP_PORT:-8000}:8000"]
    assert "--bind 0.0.0.0:8000" in services["app"]["command"]
    assert services["app"]["env_file"] == ".env"


def test_it_documents_every_setting_the_app_reads_in_env_example():
    documented = set(_env_example()) | set(_compose()["services"]["app"]["environment"])
    missing = _settings_variables() - documented
    assert not missing, f"settings read {sorted(missing)} but .env.example does not name them"


def test_it_names_in_env_example_only_variables_something_reads():
    used = _settings_variables() | {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "GUNICORN_WORKERS", "APP_PORT"}
    compose_text = (ROOT / "docker-compose.yml").read_text()
    for name in ("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "GUNICORN_WORKERS", "APP_PORT"):
        assert name in compose_text
    assert set(_env_example()) <= used


def test_it_serves_the_health_check_the_compose_file_probes(client):
    assert "/healthz" in (ROOT / "docker-compose.yml").read_text()
    assert client.get("/healthz").content == b"ok"


def test_it_builds_the_image_with_the_project_files():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "FROM python:3.11" in dockerfile
    for folder in ("cum4", "inspections", "complaints", "emulation"):
        assert f"COPY {folder} ./{folder}" in dockerfile
