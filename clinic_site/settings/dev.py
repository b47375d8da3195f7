"""Local development: debug on, embedded SQLite unless DATABASE_URL says otherwise."""

import os

from .base import *  # noqa: F403

DEBUG = True

# Only for a developer's machine; production.py refuses to start without its own key.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-not-for-production")  # noqa: S105

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The address admin e-mails link to (review requests, "Changes requested"): the one
# `make run` serves on. The Makefile passes WAGTAILADMIN_BASE_URL built from its PORT; a
# plain `manage.py runserver` can set either variable.
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL", "").strip()
    or f"http://127.0.0.1:{os.environ.get('PORT', '').strip() or '8000'}"
)
