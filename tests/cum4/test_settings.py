from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cum4.env import envbool, envint

ROOT = Path(__file__).resolve().parents[2]


def _import_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import cum4.settings as s; print(s.DATABASES['default']['ENGINE'])"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = _import_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_names_the_variable_of_a_bad_boolean():
    result = _import_settings(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_it_defaults_to_sqlite_and_switches_to_postgresql_with_database_url():
    assert "sqlite3" in _import_settings(DEBUG="1").stdout
    result = _import_settings(DEBUG="1", DATABASE_URL="postgres://u:p@db:5432/cum4")
    assert "postgresql" in result.stdout


def test_it_turns_https_and_secure_cookies_on_when_debug_is_off():
    code = (
        "import cum4.settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0)"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "HTTPS_REDIRECT"}}
    env.update(DEBUG="0", SECRET_KEY="x" * 50)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.stdout.split() == ["True", "True", "True", "True"]
    env["HTTPS_REDIRECT"] = "0"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.stdout.split()[0] == "False"


def test_it_parses_env_helpers_strictly(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    monkeypatch.setenv("X_NUM", "12")
    assert envbool("X_FLAG", False) is True
    assert envint("X_NUM", 0) == 12
    monkeypatch.setenv("X_NUM", "twelve")
    with pytest.raises(ImproperlyConfigured, match="X_NUM must be a whole number"):
        envint("X_NUM", 0)


def test_it_is_vietnamese_first_in_the_right_time_zone(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert ("en", "English") in settings.LANGUAGES
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"


def test_the_wsgi_module_keeps_the_loaded_app_out_of_full_collections():
    import gc
    import importlib

    import cum4.wsgi

    gc.unfreeze()
    importlib.reload(cum4.wsgi)
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
