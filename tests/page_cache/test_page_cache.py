"""The full-page cache: fast for anonymous patients, never stale, never personal."""

import io
import re
import socket
import time

import pytest

from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from clinic_site.page_cache import HEADER
from tests.factories import ArticlePageFactory, PersonFactory, TopicFactory


def fetch(client, url, **kwargs):
    return client.get(url, **kwargs)


@pytest.fixture
def article(clinic):
    return ArticlePageFactory(
        parent=clinic.learning_centre,
        title="Knee pain",
        clinical_reviewer=PersonFactory(name="Jo Reviewer"),
        topics=[TopicFactory(name="Knee")],
    )


def test_second_anonymous_request_is_served_from_cache_without_queries(
    client, article, django_assert_num_queries
):
    first = fetch(client, article.url)
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = fetch(client, article.url)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=0" in second["Cache-Control"]


def test_head_requests_use_the_cache_too(client, article):
    fetch(client, article.url)
    assert client.head(article.url)[HEADER] == "hit"


def test_publishing_an_edit_shows_on_the_next_request(client, article):
    fetch(client, article.url)
    revision = article.get_latest_revision_as_object()
    revision.title = "Knee pain explained"
    revision.save_revision().publish()
    response = fetch(client, article.url)
    assert response[HEADER] == "miss"
    assert b"Knee pain explained" in response.content


def test_a_saved_draft_does_not_reach_patients(client, article):
    fetch(client, article.url)
    draft = article.get_latest_revision_as_object()
    draft.title = "Unreviewed draft title"
    draft.save_revision()
    assert b"Unreviewed draft title" not in fetch(client, article.url).content


def test_unpublishing_removes_the_page_at_once(client, article):
    fetch(client, article.url)
    fetch(client, article.get_parent().url)
    article.unpublish()
    assert fetch(client, article.url).status_code == 404
    assert b"Knee pain" not in fetch(client, article.get_parent().url).content


def test_moving_and_deleting_pages_invalidate(client, clinic, article):
    other = ArticlePageFactory(parent=clinic.learning_centre, title="Shoulder pain")
    old_url = other.url
    fetch(client, old_url)
    other.delete()
    assert fetch(client, old_url).status_code == 404

    # Moving a page reorders the menu on every page, cached ones included.
    for page in (clinic.terms, clinic.learning_centre):
        page.show_in_menus = True
        page.save_revision().publish()

    def menu_labels():
        html = fetch(client, article.url).content.decode()
        nav = html.split('<nav class="main-nav"')[1].split("</nav>")[0]
        return sorted(("Terms", "Learning Centre"), key=nav.index)

    assert menu_labels() == ["Terms", "Learning Centre"]
    assert fetch(client, article.url)[HEADER] == "hit"
    clinic.terms.move(clinic.home, pos="last-child")
    assert menu_labels() == ["Learning Centre", "Terms"]


def test_snippet_and_setting_changes_invalidate(client, clinic, article):
    fetch(client, article.url)
    clinic.medical_disclaimer.text = "<p>Updated medical advice wording.</p>"
    clinic.medical_disclaimer.save_revision().publish()
    assert b"Updated medical advice wording" in fetch(client, article.url).content

    person = article.clinical_reviewer
    person.name = "Jo Renamed"
    person.save()
    assert b"Jo Renamed" in fetch(client, article.url).content

    topic = article.topics.first()
    topic.name = "Knees and hips"
    topic.save()
    assert b"Knees and hips" in fetch(client, article.url).content

    clinic.settings.phone = "01632 960 999"
    clinic.settings.save()
    assert b"01632 960 999" in fetch(client, article.url).content


def test_a_disclaimer_draft_does_not_reach_patients(client, clinic, article):
    fetch(client, article.url)
    clinic.medical_disclaimer.text = "<p>Draft wording.</p>"
    clinic.medical_disclaimer.save_revision()
    assert b"Draft wording" not in fetch(client, article.url).content


def test_logged_in_editors_are_never_served_or_stored(admin_client, article):
    editor_view = admin_client.get(article.url)
    assert HEADER not in editor_view
    assert admin_client.get(article.url).get(HEADER) is None
    # A patient afterwards gets a freshly rendered page, without the editor's userbar.
    patient_view = fetch(Client(), article.url)
    assert patient_view[HEADER] == "miss"
    assert b"wagtail-userbar" not in patient_view.content


def test_previews_and_admin_are_never_cached(admin_client, article):
    for url in [f"/admin/pages/{article.pk}/edit/preview/", "/admin/"]:
        assert admin_client.get(url).get(HEADER) is None


def test_responses_that_set_cookies_are_not_cached(client, article, settings):
    from django.http import HttpResponse

    from clinic_site.page_cache.middleware import AnonymousPageCacheMiddleware

    def view_setting_a_cookie(request):
        response = HttpResponse("hello")
        response.set_cookie("tracking", "1")
        return response

    middleware = AnonymousPageCacheMiddleware(view_setting_a_cookie)
    from django.test import RequestFactory

    request = RequestFactory().get("/hello/")
    assert middleware(request).get(HEADER) is None
    assert middleware(RequestFactory().get("/hello/")).get(HEADER) is None


def test_post_is_never_cached(client, article):
    assert client.post(article.url).get(HEADER) is None


def test_not_found_is_cached_briefly_and_cleared_by_a_publish(client, clinic):
    assert fetch(client, "/learning-centre/new-article/").status_code == 404
    assert fetch(client, "/learning-centre/new-article/")[HEADER] == "hit"
    ArticlePageFactory(parent=clinic.learning_centre, slug="new-article")
    assert fetch(client, "/learning-centre/new-article/").status_code == 200


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_pages_still_serve_when_the_cache_server_is_down(client, article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "clinic_site.page_cache.backends.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    for _ in range(2):
        response = fetch(client, article.url)
        assert response.status_code == 200
        assert b"Knee pain" in response.content
        assert response.get(HEADER) in (None, "miss")


def test_cache_backend_in_use_is_the_configured_one():
    # CI runs this suite with REDIS_URL set, so the tests above ran against Redis.
    import os

    expected = "FailOpenRedisCache" if os.environ.get("REDIS_URL") else "LocMemCache"
    assert type(caches["default"]).__name__ == expected


def test_cached_page_answers_304_to_a_matching_etag(client, article):
    first = fetch(client, article.url)
    assert first["ETag"]
    revalidated = fetch(client, article.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304
    assert revalidated[HEADER] == "hit"
    assert revalidated.content == b""


def test_cached_page_keeps_its_security_headers(client, article):
    fetch(client, article.url)
    hit = fetch(client, article.url)
    assert hit[HEADER] == "hit"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["X-Frame-Options"] == "DENY"


def call_wsgi(path, method="GET", **environ):
    """A request straight to the production WSGI application, as gunicorn makes it."""
    from clinic_site.wsgi import application

    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=dict(headers))

    request = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        **environ,
    }
    # As Django's test client does: keep the test's own database connection (and its
    # transaction) open across the request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = application(request, start_response)
        content = b"".join(body)
        if hasattr(body, "close"):
            body.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started["status"], started["headers"], content


def test_wsgi_fast_path_answers_hits_without_django(client, article, django_assert_num_queries):
    status, headers, first = call_wsgi(article.url)
    assert (status, headers[HEADER]) == ("200 OK", "miss")
    with django_assert_num_queries(0):
        status, headers, second = call_wsgi(article.url)
    assert (status, headers[HEADER]) == ("200 OK", "hit")
    assert second == first
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    # The test client (through Django's middleware) and gunicorn share one cache entry.
    assert client.get(article.url)[HEADER] == "hit"

    status, headers, body = call_wsgi(article.url, method="HEAD")
    assert (status, headers[HEADER], body) == ("200 OK", "hit", b"")
    status, headers, body = call_wsgi(article.url, HTTP_IF_NONE_MATCH=headers["ETag"])
    assert (status, body) == ("304 Not Modified", b"")
    assert headers["ETag"]


def test_wsgi_fast_path_never_serves_a_stale_or_personal_page(article):
    call_wsgi(article.url)
    revision = article.get_latest_revision_as_object()
    revision.title = "Knee pain, revised"
    revision.save_revision().publish()
    status, headers, body = call_wsgi(article.url)
    assert headers[HEADER] == "miss" and b"Knee pain, revised" in body

    # A session cookie (an editor) and another host never get the patients' copy.
    _, headers, _ = call_wsgi(article.url, HTTP_COOKIE="sessionid=abc")
    assert HEADER not in headers
    status, headers, _ = call_wsgi(article.url, HTTP_HOST="evil.example")
    assert status.startswith("400") and HEADER not in headers


class CacheCallCounter:
    """Counts what a render asks of the shared cache server."""

    def __init__(self, monkeypatch):
        self.calls = []
        cache = caches["default"]
        for name in ("get", "get_many", "set", "set_many", "add"):
            original = getattr(cache, name)
            monkeypatch.setattr(cache, name, self.counting(name, original))

    def counting(self, name, original):
        def call(*args, **kwargs):
            self.calls.append((name, str(args[0])[:60]))
            return original(*args, **kwargs)

        return call


@pytest.fixture
def illustrated_article(clinic):
    from wagtail_factories import ImageFactory

    return ArticlePageFactory(
        parent=clinic.learning_centre,
        title="Ankle sprain",
        heading_image=ImageFactory(),
        heading_image_alt="An ankle being strapped",
    )


def test_a_render_asks_the_cache_server_a_fixed_few_times(illustrated_article, monkeypatch):
    editor_like = Client(HTTP_COOKIE="sessionid=not-a-session")  # skips the page cache
    editor_like.get(illustrated_article.url)
    counter = CacheCallCounter(monkeypatch)
    assert editor_like.get(illustrated_article.url).status_code == 200
    # The generation and Wagtail's site root paths; the menu, settings, related articles
    # and every image rendition come from this process's copy for the generation.
    assert len(counter.calls) <= 3, counter.calls


def test_a_purged_rendition_is_never_served_from_a_process_copy(client, illustrated_article):
    def heading_image_url():
        page = client.get(illustrated_article.url).content.decode()
        return re.search(r'<img[^>]+src="([^"]+)"', page.split('class="heading-image"')[1])[1]

    from clinic_site.page_cache.generation import current_generation
    from clinic_site.page_cache.memo import memo

    first = heading_image_url()
    generation = current_generation()
    image = illustrated_article.heading_image
    # Another worker's copy of a rendition, which this process's delete cannot reach.
    memo.put(generation, "elsewhere", "a rendition held by another process")
    image.renditions.all().delete()  # as `wagtail_update_image_renditions --purge-only` does
    # A new generation: every process drops its copies at its next request.
    assert current_generation() != generation
    assert memo.get(current_generation(), "elsewhere") is None
    assert not image.renditions.filter(file=first.removeprefix(settings.MEDIA_URL)).exists()
    second = heading_image_url()
    assert image.renditions.filter(file=second.removeprefix(settings.MEDIA_URL)).exists()


def test_a_head_request_does_not_store_a_page_without_its_etag(client, article):
    assert client.head(article.url).get(HEADER) is None  # answered, not stored
    first = fetch(client, article.url)
    assert first[HEADER] == "miss" and first["ETag"]
    assert fetch(client, article.url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_making_a_page_private_takes_it_out_of_the_cache(client, article):
    from wagtail.models import PageViewRestriction

    assert fetch(client, article.url).status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type="login")
    response = fetch(client, article.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_changes_saved_in_a_transaction_invalidate_again_on_commit(
    article, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from clinic_site.page_cache import generation as page_cache

    cache = page_cache.page_cache()
    before = page_cache.current_generation(cache)
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            article.clinical_reviewer.save()  # a Person: shown on the page
            # A patient's request now could still read the old, uncommitted-over data.
            during = page_cache.current_generation(cache)
            assert during != before
    assert page_cache.current_generation(cache) not in (before, during)


def test_a_failed_invalidation_is_retried_until_it_succeeds(article, monkeypatch):
    from clinic_site.page_cache import generation as page_cache

    cache = page_cache.page_cache()
    before = page_cache.current_generation(cache)
    real_write = page_cache.write_new_generation
    attempts = []

    def flaky_write():
        attempts.append(1)
        if len(attempts) < 3:
            raise ConnectionError("Redis is restarting")
        real_write()

    monkeypatch.setattr(page_cache, "write_new_generation", flaky_write)
    monkeypatch.setattr(page_cache, "INVALIDATION_RETRY_SECONDS", 0.01)
    page_cache.invalidate_now()
    for _ in range(200):
        if page_cache.current_generation(cache) != before:
            break
        time.sleep(0.01)
    assert page_cache.current_generation(cache) != before
    assert len(attempts) == 3
