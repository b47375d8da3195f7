"""While the database is unreachable, patients get a friendly 503, never a traceback,
and the 503 is never kept by the page cache. A database error that is no outage (a
missing column, a cancelled statement) stays Django's logged 500."""

import json
import logging
import os
import subprocess
import sys

import pytest

from django.contrib.sessions.middleware import SessionMiddleware
from django.db import DatabaseError, OperationalError, connection, transaction
from django.test import Client

from clinic_site.page_cache import HEADER
from learning.models import ArticlePage
from tests.factories import ArticlePageFactory
from tests.helpers.private_services import NOT_INHERITED, PROJECT_DIR

FRIENDLY_TEXT = b"Sorry, the service is unavailable"


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


@pytest.fixture
def article(clinic):
    return ArticlePageFactory(parent=clinic.learning_centre, title="Knee pain")


def assert_friendly_503(response):
    assert response.status_code == 503
    assert FRIENDLY_TEXT in response.content
    assert b"Traceback" not in response.content
    assert b"OperationalError" not in response.content
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"


def test_a_page_needing_the_database_answers_503_and_is_not_cached(client, article):
    url = article.url
    with connection.execute_wrapper(refuse_every_query):
        response = client.get(url)
    assert_friendly_503(response)
    # The page cache's headers still apply: the 503 page loads only the site's own CSS.
    assert "default-src 'self'" in response["Content-Security-Policy"]

    # Once the database answers, the real page comes back: no 503 was cached.
    response = client.get(url)
    assert response.status_code == 200
    assert response[HEADER] == "miss"
    assert b"Knee pain" in response.content


def test_search_answers_503_while_the_database_is_down(client, article):
    with connection.execute_wrapper(refuse_every_query):
        assert_friendly_503(client.get("/search/", {"q": "knee"}))


def test_cached_pages_are_still_served_while_the_database_is_down(client, article):
    url = article.url
    client.get(url)
    with connection.execute_wrapper(refuse_every_query):
        response = client.get(url)
    assert response.status_code == 200
    assert response[HEADER] == "hit"
    assert b"Knee pain" in response.content


def test_the_outage_is_logged_once_as_an_error(client, article, caplog):
    url = article.url
    with caplog.at_level(logging.ERROR), connection.execute_wrapper(refuse_every_query):
        client.get(url)
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert [record.name for record in errors] == ["clinic_site.hardening.database_unavailable"]
    assert errors[0].exc_info[0] is OperationalError


def test_a_database_error_in_another_middleware_also_answers_503(article, monkeypatch):
    # Saving a session happens after the view, outside process_exception's reach.
    def session_save_fails(self, request, response):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionMiddleware, "process_response", session_save_fails)
    client = Client(raise_request_exception=False)
    assert_friendly_503(client.get(article.url))


def test_other_errors_still_answer_the_500_page(article, monkeypatch):
    def broken(self, request, response):
        raise ValueError("a bug, not an outage")

    monkeypatch.setattr(SessionMiddleware, "process_response", broken)
    response = Client(raise_request_exception=False).get(article.url)
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


def query_missing_column():
    """SQLite answers OperationalError ("no such column"), PostgreSQL ProgrammingError."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT no_such_column FROM wagtailcore_page")


def query_cancelled_by_statement_timeout():
    """PostgreSQL's QueryCanceled (57014) is an OperationalError from a working server."""
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 1")
        cursor.execute("SELECT pg_sleep(1)")


@pytest.mark.parametrize(
    "failing_query", [query_missing_column, query_cancelled_by_statement_timeout]
)
def test_a_database_error_that_is_no_outage_is_a_logged_500(
    article, monkeypatch, caplog, failing_query
):
    def get_context_with_a_failing_query(self, request, *args, **kwargs):
        # A savepoint keeps the test's transaction usable on PostgreSQL afterwards.
        with transaction.atomic():
            failing_query()

    monkeypatch.setattr(ArticlePage, "get_context", get_context_with_a_failing_query)
    with caplog.at_level(logging.ERROR):
        response = Client(raise_request_exception=False).get(article.url)
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
    assert "Retry-After" not in response
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    # Django's request logger has it, with its traceback; it is not called an outage.
    assert [record.name for record in errors] == ["django.request"]
    assert issubclass(errors[0].exc_info[0], DatabaseError)


def test_a_database_error_in_another_middleware_that_is_no_outage_stays_500(article, monkeypatch):
    def session_save_fails(self, request, response):
        raise OperationalError("no such table: django_session")

    monkeypatch.setattr(SessionMiddleware, "process_response", session_save_fails)
    response = Client(raise_request_exception=False).get(article.url)
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content


def test_production_database_connections_fail_fast_and_heal():
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.production",
        SECRET_KEY="a-production-secret-key-that-is-long-enough-1234567890",
        ALLOWED_HOSTS="clinic.example",
        DATABASE_URL="postgres://clinic@db.example:5432/clinic",
        WAGTAILADMIN_BASE_URL="https://clinic.example",
    )
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'], default=str))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout.strip().splitlines()[-1])
    # A stopped or unreachable database costs a patient seconds, not minutes.
    assert 1 <= database["OPTIONS"]["connect_timeout"] <= 2
    # A connection broken by a database restart is replaced, not reused.
    assert database["CONN_HEALTH_CHECKS"] is True
