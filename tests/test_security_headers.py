"""The headers every page carries (a strict Content-Security-Policy), what https switches on
(HSTS, secure cookies, http sent to https), and `manage.py check --deploy` clean with the
production settings docs/deploy.md documents."""

import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def documented_environment():
    """The example /etc/inklusi/inklusi.env of docs/deploy.md."""
    text = (ROOT / "docs" / "deploy.md").read_text()
    block = text.split("A typical `/etc/inklusi/inklusi.env`:", 1)[1].split("```")[1]
    pairs = (line.split("=", 1) for line in block.splitlines() if "=" in line)
    return {name.strip(): value.strip().strip('"') for name, value in pairs}


PRODUCTION = documented_environment()


def test_every_page_has_a_strict_content_security_policy(client, db):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def run_python(code, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECURE_"))}
    clean.pop("DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env, "DJANGO_SETTINGS_MODULE": "inklusi.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_documented_production_settings():
    assert PRODUCTION["SITE_URL"].startswith("https://")
    # The example's secret is a placeholder; a real one is as long and random.
    secret = {"SECRET_KEY": "x7#Qm2!vR9pL@4zT8wK$1nB6yH3cF0dJ5sG&eU*aZ^oX-iM+rV_qW=tY%lP"}
    result = run_python(
        "import django, sys; from django.core.management import call_command; django.setup();"
        "call_command('check', deploy=True, fail_level='WARNING')",
        {**PRODUCTION, **secret},
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_over_https_cookies_are_secure_and_hsts_is_on():
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS)",
        PRODUCTION,
    )
    assert result.stdout.split() == ["True", "True", "True", "31536000", "True"]


def test_over_plain_http_none_of_it():
    """A village LAN install (docs/deploy.md) answers on plain http: no redirect, no HSTS."""
    result = run_python(
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS)",
        {**PRODUCTION, "SITE_URL": "http://192.168.1.10:8000"},
    )
    assert result.stdout.split() == ["False", "False", "0"]
