"""Test settings: fast hashing, plain static files, a throwaway media folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tests never write into the developer's media folder; the live server for browser
# tests serves it so pages show their images.
MEDIA_ROOT = tempfile.mkdtemp(prefix="clinic-test-media-")
# Static files come from the finders in tests; an empty folder keeps whitenoise quiet.
STATIC_ROOT = tempfile.mkdtemp(prefix="clinic-test-static-")
SERVE_MEDIA_FILES = True

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
