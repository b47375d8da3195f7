"""Production settings refuse to start without their secrets; dev needs nothing."""

import subprocess
import sys

import pytest

from tests.helpers.environment import (
    PRODUCTION_ENV,
    PROJECT_DIR,
    environment_without_test_settings,
    load_settings,
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
