"""WSGI entry point; production servers set DJANGO_SETTINGS_MODULE to the production settings.

Page-cache hits are answered in front of Django (see clinic_site.page_cache)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.dev")

django_application = get_wsgi_application()

from clinic_site.page_cache.wsgi import PageCacheApplication  # noqa: E402 - needs Django set up

application = PageCacheApplication(django_application)
