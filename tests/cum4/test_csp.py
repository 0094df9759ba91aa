"""The Content-Security-Policy: on every response, no inline script or style allowed, no
framing, a report-only switch; and no template relies on inline script or style."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"


def _directives(policy: str) -> dict[str, list[str]]:
    return {
        part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
    }


def test_it_sends_a_policy_without_unsafe_inline_and_forbids_framing(client_for, secretariat):
    responses = [
        Client().get(reverse("login")),
        client_for(secretariat).get(reverse("cum4:home")),
        client_for(secretariat).get(reverse("admin:index")),
    ]
    for response in responses:
        directives = _directives(response["Content-Security-Policy"])
        assert directives["script-src"] == ["'self'"]
        assert directives["style-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert "unsafe-inline" not in response["Content-Security-Policy"]


def _policy_settings(**env: str) -> list[str]:
    code = (
        "import cum4.settings as s; "
        "print(bool(getattr(s, 'CONTENT_SECURITY_POLICY', None)), "
        "bool(getattr(s, 'CONTENT_SECURITY_POLICY_REPORT_ONLY', None)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={"DEBUG": "1", "PATH": "/usr/bin:/bin", **env},
        capture_output=True, text=True, check=True,
    )
    return result.stdout.split()


def test_it_only_reports_violations_when_csp_report_only_is_set():
    assert _policy_settings() == ["True", "False"]
    assert _policy_settings(CSP_REPORT_ONLY="1") == ["False", "True"]


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"\sstyle=[\"']", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+=[\"']", re.I), "inline event handler"),
    (re.compile(r"<style", re.I), "<style> element"),
]


def test_no_template_needs_unsafe_inline():
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text()
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {what}")
    assert not found, "\n".join(found)
