"""Production: every secret and host comes from the environment; missing ones stop start-up."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set for production settings."
        )
    return value


DEBUG = False

SECRET_KEY = required_env("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in required_env("ALLOWED_HOSTS").split(",") if host.strip()]
# Production never falls back to the SQLite file.
required_env("DATABASE_URL")
WAGTAILADMIN_BASE_URL = required_env("WAGTAILADMIN_BASE_URL")
CSRF_TRUSTED_ORIGINS = [WAGTAILADMIN_BASE_URL]

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Pages may not be framed; Wagtail's preview views allow their own origin themselves.
X_FRAME_OPTIONS = "DENY"

# Several gunicorn workers cannot share an in-process cache, and one worker's publish
# could not invalidate another's pages; without Redis, production runs uncached.
if not REDIS_URL:  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Every admin user needs a code from an authenticator app as well as a password.
ADMIN_REQUIRE_2FA = True
