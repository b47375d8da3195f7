"""Prints how many database queries each page costs when the page cache misses.

    python tools/count_page_queries.py /learning-centre/ /search/?q=knee

Each page is requested twice and the second request counted, so Wagtail's own
caches are warm, as they are on a running site.
"""

import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from clinic_site.page_cache.middleware import AnonymousPageCacheMiddleware  # noqa: E402

WITHOUT_PAGE_CACHE = [
    m
    for m in settings.MIDDLEWARE
    if m != f"{AnonymousPageCacheMiddleware.__module__}.AnonymousPageCacheMiddleware"
]


def count_queries(paths):
    counts = {}
    with override_settings(
        MIDDLEWARE=WITHOUT_PAGE_CACHE, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]
    ):
        client = Client()
        for path in paths:
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            counts[path] = len(queries.captured_queries)
    return counts


if __name__ == "__main__":
    print(json.dumps(count_queries(sys.argv[1:])))
