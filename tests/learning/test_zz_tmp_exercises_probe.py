from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.learning.test_query_budget import exercises, without_page_cache  # noqa


def test_probe(client, exercises):
    library, exercise, article = exercises
    for url in (exercise.url, library.url, article.url):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        print("\n====", url, len(ctx.captured_queries))
        for q in ctx.captured_queries:
            print("  ", q["sql"][:230])
