"""The project folder and a clean environment for tests that start Django in a subprocess."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]

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
    """Start Django with `module` and `env` in a subprocess; prints the database engine."""
    clean_env = environment_without_test_settings()
    return subprocess.run(  # noqa: S603
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
