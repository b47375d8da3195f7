"""Full-page cache for anonymous patients that is never stale.

Every cached page is stored under the current *generation*. Publishing, unpublishing,
moving or deleting a page, or changing anything a page shows (disclaimers, topics,
people, images, clinic settings, redirects, search promotions) starts a new
generation, so the next request renders afresh. Patients' pages change rarely and
share navigation, listings and related articles, so starting over is simpler and
safer than working out which pages a change touches.

Never cached: anyone with a session cookie (editors, previews), non-GET/HEAD
requests, /admin/ and /documents/, responses that set cookies or use a CSRF token,
responses marked private or no-store, and anything but 200 (404s only briefly).
If the cache server is down, pages are served uncached.
"""

import contextvars
import hashlib
import logging
import pickle
import threading
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.http.cookie import parse_cookie
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags

logger = logging.getLogger("clinic_site.page_cache")

GENERATION_KEY = "page-cache:generation"
PAGE_TIMEOUT = 24 * 60 * 60  # a day: invalidation, not expiry, keeps pages fresh
NOT_FOUND_TIMEOUT = 60
# Any query string makes a new URL, so those pages are kept briefly: a flood of made-up
# URLs cannot fill the cache for a day.
QUERY_STRING_TIMEOUT = 10 * 60
INVALIDATION_RETRIES = 120
INVALIDATION_RETRY_SECONDS = 5
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/health/", "/static/", "/media/")
HEADER = "X-Page-Cache"


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _generation(cache):
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


# The generation a request started with, read once per request (the page-cache lookup
# already knows it); outside a request it is read afresh each time.
_OUTSIDE_REQUEST = object()
_request_generation = contextvars.ContextVar("page_cache_generation", default=_OUTSIDE_REQUEST)


def current_generation(cache=None):
    generation = _request_generation.get()
    if generation is _OUTSIDE_REQUEST or generation is None:
        found = _generation(cache or page_cache())
        if generation is None:
            _request_generation.set(found)
        return found
    return generation


class GenerationMemo:
    """Values that cannot change within a generation (the menu, settings, renditions),
    kept in this process as well as in Redis, so a render does not ask Redis for each.
    Stored pickled, so no two requests ever share one mutable object.

    The generation and its entries are swapped as one tuple: a request still running
    under an older generation can only ever write into that generation's dictionary."""

    MAX_ENTRIES = 5000

    def __init__(self):
        self._state = (None, {})

    def get(self, generation, key):
        current, entries = self._state
        data = entries.get(key) if current == generation else None
        return None if data is None else pickle.loads(data)  # noqa: S301 - our own values

    def put(self, generation, key, value):
        if generation is None:
            return
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        current, entries = self._state
        if current != generation or len(entries) >= self.MAX_ENTRIES:
            entries = {}
            self._state = (generation, entries)
        entries[key] = data

    def __contains__(self, generation_and_key):
        generation, key = generation_and_key
        current, entries = self._state
        return current == generation and key in entries

    def discard(self, key):
        self._state[1].pop(key, None)

    def clear(self):
        self._state = (None, {})


memo = GenerationMemo()


def _write_new_generation():
    cache = page_cache()
    # FailOpenRedisCache would swallow a failed write; this one must not be lost.
    write = getattr(cache, "set_or_raise", cache.set)
    write(GENERATION_KEY, uuid.uuid4().hex, None)


def _keep_trying_to_invalidate():
    for _ in range(INVALIDATION_RETRIES):
        time.sleep(INVALIDATION_RETRY_SECONDS)
        try:
            _write_new_generation()
        except Exception:  # noqa: S112 - logged below if it never succeeds
            continue
        logger.warning("Page cache invalidated after an earlier failure")
        return
    logger.error("Gave up invalidating the page cache: empty it by hand (FLUSHDB)")


def invalidate_now():
    try:
        _write_new_generation()
    except Exception:
        # Pages stay as they were until a new generation is written: keep trying in the
        # background, and say so loudly.
        logger.exception("Could not invalidate the page cache; retrying in the background")
        threading.Thread(target=_keep_trying_to_invalidate, daemon=True).start()


def invalidate_all(**kwargs):
    """Start a new generation: every page cached before now is ignored.

    Inside a transaction (the admin saves most things in one) it happens twice: now,
    and again on commit, so a page rendered from the old data while the transaction
    was still open cannot outlive it under the new generation."""
    invalidate_now()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(invalidate_now, robust=True)


def cached_for_generation(name, build):
    """A value shared by many pages (the menu, say), kept until content changes."""
    cache = page_cache()
    try:
        generation = current_generation(cache)
        key = f"fragment:{generation}:{name}"
        value = memo.get(generation, key)
        if value is None:
            value = cache.get(key)
    except Exception:
        logger.warning("Cache unavailable; building %s afresh", name, exc_info=True)
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, PAGE_TIMEOUT)
        except Exception:
            logger.warning("Could not cache %s", name, exc_info=True)
    memo.put(generation, key, value)
    return value


# Wagtail fills these in on an image's first rendition; patients see no difference.
IMAGE_BOOKKEEPING_FIELDS = {"file_hash", "file_size"}


def invalidate_on_save(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= IMAGE_BOOKKEEPING_FIELDS:
        return
    invalidate_all()


@dataclass(frozen=True)
class CachedPage:
    """A finished response as bytes: cheap to unpickle and to send without Django."""

    generation: str
    status: int
    reason: str
    headers: tuple
    body: bytes

    @classmethod
    def from_response(cls, response, generation):
        return cls(
            generation,
            response.status_code,
            response.reason_phrase,
            tuple(response.items()),
            response.content,
        )

    def etag_matches(self, environ):
        etag = dict(self.headers).get("ETag")
        if self.status != 200 or not etag:
            return False
        wanted = parse_etags(environ.get("HTTP_IF_NONE_MATCH", ""))
        return "*" in wanted or etag in wanted

    def not_modified_headers(self):
        kept = {"etag", "cache-control", "vary", "content-location", "expires"}
        return [(name, value) for name, value in self.headers if name.lower() in kept]


def cache_key(environ):
    """The page's key, from the raw request, so the WSGI fast path and the middleware
    agree. Only a response Django accepted (allowed host, no redirect) is ever stored
    under a key, so an odd Host header or scheme can only ever miss."""
    scheme = environ.get("wsgi.url_scheme", "http")
    if settings.SECURE_PROXY_SSL_HEADER:  # as Django's request.scheme decides it
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        if (value := environ.get(header)) is not None:
            scheme = "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    host = environ.get("HTTP_HOST")
    if not host:  # as Django's request.get_host() builds it
        port = environ.get("SERVER_PORT", "")
        default_port = "443" if scheme == "https" else "80"
        host = environ.get("SERVER_NAME", "") + ("" if port == default_port else f":{port}")
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    url = f"{scheme}://{host}{path}?{environ.get('QUERY_STRING', '')}"
    return "page-cache:" + hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()


def request_is_cacheable(environ):
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if environ.get("PATH_INFO", "").startswith(EXCLUDED_PREFIXES):
        return False
    cookies = environ.get("HTTP_COOKIE")
    return not (cookies and settings.SESSION_COOKIE_NAME in parse_cookie(cookies))


def lookup(cache, environ):
    """(current generation, the cached page or None), in one round trip to the cache.
    A page stored under an older generation is a miss: something has changed."""
    key = cache_key(environ)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    page = found.get(key)
    if generation is None:
        return _generation(cache), None
    if page is None or page.generation != generation:
        return generation, None
    return generation, page


def response_is_cacheable(request, response):
    if response.status_code not in (200, 404) or response.streaming:
        return False
    # Django adds ETags to GET responses only; a page stored from a HEAD would lack one.
    if request.method != "GET":
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


class AnonymousPageCacheMiddleware:
    """Serves anonymous GET/HEAD requests from the page cache, filling it on a miss.

    In production most hits never get here: `PageCacheApplication` answers them before
    Django builds a request. This serves the rest (the test client, runserver)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set(None)  # read on first use
        try:
            return self.respond(request)
        finally:
            _request_generation.reset(token)

    def respond(self, request):
        if not request_is_cacheable(request.META):
            return self.get_response(request)
        cache = page_cache()
        try:
            generation, cached = lookup(cache, request.META)
        except Exception:
            logger.warning("Page cache unavailable; serving uncached", exc_info=True)
            return self.get_response(request)
        _request_generation.set(generation)
        if cached is not None:
            return self.response_from(cached, request.META)

        response = self.get_response(request)
        if response_is_cacheable(request, response):
            # Browsers revalidate every time; a CDN in front may keep pages until a
            # publish purges them (Wagtail's frontend cache).
            patch_cache_control(
                response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE
            )
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            timeout = PAGE_TIMEOUT
            if response.status_code != 200:
                timeout = NOT_FOUND_TIMEOUT
            elif request.META.get("QUERY_STRING"):
                timeout = QUERY_STRING_TIMEOUT
            page = CachedPage.from_response(response, generation)
            try:
                cache.set(cache_key(request.META), page, timeout)
            except Exception:
                logger.warning("Could not store a page in the cache", exc_info=True)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def response_from(cached, environ):
        if cached.etag_matches(environ):
            response = HttpResponseNotModified()
            headers = cached.not_modified_headers()
        else:
            response = HttpResponse(cached.body, status=cached.status, reason=cached.reason)
            headers = cached.headers
        for name, value in headers:
            response[name] = value
        response[HEADER] = "hit"
        return response


class PageCacheApplication:
    """WSGI wrapper that answers page-cache hits before Django builds a request: a hit
    then costs about what a static file does. Misses, and anything the cache must not
    answer, go to Django, whose middleware fills the cache."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not request_is_cacheable(environ):
            return self.application(environ, start_response)
        try:
            _, cached = lookup(page_cache(), environ)
        except Exception:
            cached = None  # the middleware logs it and serves uncached
        if cached is None:
            return self.application(environ, start_response)
        if cached.etag_matches(environ):
            start_response("304 Not Modified", [*cached.not_modified_headers(), (HEADER, "hit")])
            return []
        start_response(f"{cached.status} {cached.reason}", [*cached.headers, (HEADER, "hit")])
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [cached.body]


def connect_invalidation_signals():
    """Invalidate on every change patients could see."""
    from django.apps import apps

    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_all, dispatch_uid=f"page-cache-{signal!r}")

    shown_on_pages = [
        "wagtailcore.Page",
        # Making a page private must take its public copy out of the cache at once.
        "wagtailcore.PageViewRestriction",
        "wagtailcore.Site",
        "wagtaildocs.Document",
        "wagtailimages.Image",
        "wagtailredirects.Redirect",
        "wagtailsearchpromotions.Query",
        "wagtailsearchpromotions.SearchPromotion",
        "clinic_site.ClinicSettings",
        "learning.Disclaimer",
        "learning.Person",
        "learning.Topic",
    ]
    # Renditions are created while pages render, so only a deletion counts: a purged
    # rendition must not linger in any process's GenerationMemo.
    post_delete.connect(
        invalidate_all, sender=apps.get_model("wagtailimages.Rendition"), dispatch_uid="pc-rend"
    )
    page_model = apps.get_model("wagtailcore", "Page")
    for label in shown_on_pages:
        model = apps.get_model(label)
        models = [model]
        if model is page_model:
            # Deleting a page sends post_delete for its specific class.
            models = [m for m in apps.get_models() if issubclass(m, page_model)]
        for sender in models:
            post_delete.connect(invalidate_all, sender=sender, dispatch_uid=f"pc-del-{sender}")
            if model is not page_model:
                post_save.connect(
                    invalidate_on_save, sender=sender, dispatch_uid=f"pc-save-{sender}"
                )
