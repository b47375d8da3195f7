"""Faults, end to end: the site under gunicorn with the production settings while its
own private PostgreSQL or Redis is stopped and started again.

With the database down, cached pages are still served and every other page is a
friendly 503 within 2 seconds; when it returns, the site recovers without a restart.
With Redis down, pages are served uncached. The machine's shared services are never
touched: every server here runs on its own free port.
"""

import json
import time

import pytest

from clinic_site.page_cache import HEADER
from tests.helpers.private_services import (
    PrivatePostgres,
    PrivateRedis,
    SiteServer,
    get,
    wait_until,
)

CACHED_PAGE = "/learning-centre/therapeutic-exercise/"
UNCACHED_PAGES = ["/learning-centre/manual-therapy/", "/search/?q=exercise"]


@pytest.fixture(scope="module")
def services():
    postgres = redis = site = None
    try:
        postgres = PrivatePostgres()
        postgres.start()
        redis = PrivateRedis()
        redis.start()
        site = SiteServer(postgres.url, redis.url)
        site.start()
        yield postgres, redis, site
    finally:
        for service in (site, redis, postgres):
            if service:
                service.remove()


def wait_for_page(site, path, timeout):
    """Polls until the page answers 200; returns how long that took."""
    started = time.monotonic()
    wait_until(lambda: get(site.port, path).status == 200, timeout, f"{path} answering 200")
    return time.monotonic() - started


def test_database_outage_serves_cached_pages_then_503s_and_recovers(services):
    postgres, _redis, site = services
    warm = get(site.port, CACHED_PAGE)
    assert warm.status == 200, site.log_text()
    assert get(site.port, CACHED_PAGE).headers[HEADER] == "hit"

    postgres.stop()
    try:
        cached = get(site.port, CACHED_PAGE)
        assert cached.status == 200
        assert cached.body == warm.body

        slowest_503 = 0.0
        for path in UNCACHED_PAGES:
            answer = get(site.port, path)
            slowest_503 = max(slowest_503, answer.seconds)
            assert answer.status == 503, answer.body
            assert answer.seconds < 2
            assert answer.headers["Retry-After"] == "30"
            assert answer.headers["Cache-Control"] == "no-store"
            assert "Sorry, the service is unavailable" in answer.body
            assert "Traceback" not in answer.body

        health = get(site.port, "/health/")
        assert health.status == 503
        assert json.loads(health.body)["database"] == "unavailable"
    finally:
        postgres.start()

    # The same gunicorn, its persistent connections broken by the restart.
    recovery = [wait_for_page(site, path, timeout=10) for path in UNCACHED_PAGES]
    print(f"503 answers took {slowest_503:.3f} s at most; recovery took {max(recovery):.2f} s")
    assert get(site.port, "/health/").status == 200
    # Each 503 is logged once, with its cause, for whoever is on call.
    log = site.log_text()
    assert log.count(f"Database unavailable; answered GET {UNCACHED_PAGES[0]} ") == 1
    # ... and not a second time by Django's request logger.
    assert f"Service Unavailable: {UNCACHED_PAGES[0]}" not in log
    assert "OperationalError" in log


def test_redis_outage_serves_pages_uncached(services):
    _postgres, redis, site = services
    redis.stop()
    try:
        for path in [CACHED_PAGE, *UNCACHED_PAGES]:
            answer = get(site.port, path)
            assert answer.status == 200, site.log_text()
            assert answer.headers[HEADER] != "hit"
        health = get(site.port, "/health/")
        assert health.status == 200
        assert json.loads(health.body) == {"database": "ok", "cache": "unavailable"}
    finally:
        redis.start()

    # The cache is skipped for a few seconds after a failure, then used again.
    wait_until(
        lambda: json.loads(get(site.port, "/health/").body)["cache"] == "ok",
        15,
        "the cache coming back",
    )


def test_a_quick_database_restart_between_requests_goes_unnoticed(services):
    postgres, _redis, site = services

    def uncached(path):
        # A session cookie makes the page cache step aside, so every request uses the
        # database (the session lookup, then the page).
        return get(site.port, path, headers={"Cookie": "sessionid=not-a-session"})

    # Open persistent connections in the worker's threads, then break them all.
    for path in UNCACHED_PAGES * 2:
        assert uncached(path).status == 200
    postgres.stop()
    postgres.start()
    # Each stale connection is noticed and replaced before the request uses it.
    for path in UNCACHED_PAGES * 2:
        answer = uncached(path)
        assert answer.status == 200, answer.body
