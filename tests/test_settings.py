"""Production settings refuse to start without their secrets; dev needs nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-secret-key-that-is-long-enough-1234567890",
    "ALLOWED_HOSTS": "clinic.example",
    "DATABASE_URL": "postgres://clinic@127.0.0.1:5432/clinic",
    "WAGTAILADMIN_BASE_URL": "https://clinic.example",
}


# The browser tests allow Django's ORM inside Playwright's event loop; a deployment
# never would, and check --deploy says so.
NOT_INHERITED = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}


def environment_without_test_settings():
    return {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}


def load_settings(module, env):
    clean_env = environment_without_test_settings()
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.DATABASES['default']['ENGINE'])",
        ],
        cwd=PROJECT_DIR,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": module, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_each_secret(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = load_settings("clinic_site.settings.production", env)
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set" in result.stderr


def test_production_starts_with_its_environment_on_postgresql():
    result = load_settings("clinic_site.settings.production", PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_dev_defaults_to_sqlite():
    result = load_settings("clinic_site.settings.dev", {"DATABASE_URL": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_production_passes_djangos_deployment_checklist_without_warnings():
    env = {**PRODUCTION_ENV, "SECRET_KEY": "k3y-" + "x9Q!f" * 12}
    clean_env = environment_without_test_settings()
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_DIR,
        env={**clean_env, "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
