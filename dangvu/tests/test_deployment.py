"""Deployment hardening: `check --deploy` is clean with the production settings, the security headers are
sent, nothing in the templates needs an inline script, and answers carrying personal data are not stored."""

import json
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from knox.models import AuthToken

ROOT = Path(__file__).resolve().parents[2]


def _production_env(tmp_path, **extra) -> dict:
    """The environment of README's Production section: no DEBUG, no DANGVU_DEV, a long random key."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "dangvu.example.vn",
        "CSRF_TRUSTED_ORIGINS": "https://dangvu.example.vn",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DANGVU_VAR_DIR": str(tmp_path / "var"),
        **extra,
    }


def _run(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def test_check_deploy_reports_nothing_with_the_production_settings(tmp_path):
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'dangvu.settings'; django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('check', deploy=True, fail_level='WARNING')\n"
    )
    result = _run(code, _production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


SETTINGS_PRINT = (
    "import os, json, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'dangvu.settings'; django.setup()\n"
    "from django.conf import settings as s\n"
    "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS,"
    " s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER, s.SESSION_COOKIE_SECURE]))\n"
)


def test_tls_settings_default_on_in_production_and_off_in_development(tmp_path):
    production = _run(SETTINGS_PRINT, _production_env(tmp_path))
    assert json.loads(production.stdout) == [True, 31536000, True, True, ["HTTP_X_FORWARDED_PROTO", "https"], True]
    development = _run(SETTINGS_PRINT, _production_env(tmp_path, DANGVU_DEV="1"))
    assert json.loads(development.stdout) == [False, 0, False, False, None, False]


def test_tls_settings_are_read_from_the_environment(tmp_path):
    env = _production_env(
        tmp_path,
        SECURE_SSL_REDIRECT="off",
        SECURE_HSTS_SECONDS="3600",
        SECURE_HSTS_PRELOAD="off",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Scheme",
    )
    values = json.loads(_run(SETTINGS_PRINT, env).stdout)
    assert values == [False, 3600, True, False, ["HTTP_X_FORWARDED_SCHEME", "https"], True]


@pytest.mark.django_db
def test_every_page_carries_the_security_headers(client):
    response = client.get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-eval" not in csp
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_answers_with_personal_data_are_never_stored(client, personas):
    client.force_login(personas.staff)
    assert _no_store(client.get(reverse("members:detail", kwargs={"pk": personas.member_a.pk})))
    assert _no_store(client.get(reverse("members:list")))
    export = client.get(reverse("exchange:export_members"), {"format": "csv"})
    assert export.status_code == 200 and _no_store(export)


@pytest.mark.django_db
def test_api_answers_to_a_token_are_never_stored(client, personas):
    token = AuthToken.objects.create(user=personas.staff)[1]
    response = client.get(reverse("api:member-list"), HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200 and _no_store(response)


# --- No inline script anywhere in the templates: the CSP would block it ---------------------------------

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)
EVENT_ATTRIBUTE = re.compile(r"""[\s"'](on[a-z]+)\s*=""", re.I)


def _templates():
    skip = {".venv", "var", ".git", "node_modules", "test-artifacts"}
    for path in sorted(ROOT.rglob("*.html")):
        parts = set(path.relative_to(ROOT).parts)
        if "templates" in parts and not parts & skip:
            yield path


def _inline_code(text: str) -> list[str]:
    found = []
    for match in SCRIPT_TAG.finditer(text):
        attributes = match.group(1)
        if "src=" not in attributes and 'type="application/json"' not in attributes and "nonce=" not in attributes:
            found.append(f"inline <script{attributes}>")
    found += [f"{name}= attribute" for name in EVENT_ATTRIBUTE.findall(text)]
    found += ["hx-on attribute" for _ in re.finditer(r"\bhx-on", text)]
    found += ["javascript: URL" for _ in re.finditer(r"javascript:", text, re.I)]
    found += ["inline <style>" for _ in re.finditer(r"<style\b", text, re.I)]
    return found


def test_the_scan_finds_inline_code():
    assert _inline_code('<script>alert(1)</script><a onclick="x()"></a><div hx-on:click="y"></div>') == [
        "inline <script>",
        "onclick= attribute",
        "hx-on attribute",
    ]
    assert _inline_code('<script src="/static/a.js" defer></script><form data-confirm="Xóa?">') == []


def test_no_template_has_inline_script_or_style():
    templates = list(_templates())
    assert len(templates) > 50
    problems = [
        f"{path.relative_to(ROOT)}: {problem}" for path in templates for problem in _inline_code(path.read_text())
    ]
    assert problems == []
