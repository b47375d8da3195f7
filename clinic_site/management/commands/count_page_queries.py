"""Prints how many database queries each page costs when the page cache misses.

    manage.py count_page_queries /learning-centre/ /search/?q=knee

Each page is requested twice and the second request counted, so Wagtail's own
caches are warm, as they are on a running site.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from clinic_site.page_cache import AnonymousPageCacheMiddleware

WITHOUT_PAGE_CACHE = [
    m
    for m in settings.MIDDLEWARE
    if m != f"{AnonymousPageCacheMiddleware.__module__}.AnonymousPageCacheMiddleware"
]


class Command(BaseCommand):
    help = "Count the queries each given path costs on a page-cache miss."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")

    def handle(self, *args, paths, **options):
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
        self.stdout.write(json.dumps(counts))
