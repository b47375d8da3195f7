"""Which requests and responses the page cache handles, the key a page is kept under,
and the stored page itself."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.http.cookie import parse_cookie
from django.utils.http import parse_etags

from .generation import GENERATION_KEY, read_generation

PAGE_TIMEOUT = 24 * 60 * 60  # a day: invalidation, not expiry, keeps pages fresh
NOT_FOUND_TIMEOUT = 60
# Any query string makes a new URL, so those pages are kept briefly: a flood of made-up
# URLs cannot fill the cache for a day.
QUERY_STRING_TIMEOUT = 10 * 60
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/health/", "/static/", "/media/")
HEADER = "X-Page-Cache"


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


def timeout_for(request, response):
    if response.status_code != 200:
        return NOT_FOUND_TIMEOUT
    return QUERY_STRING_TIMEOUT if request.META.get("QUERY_STRING") else PAGE_TIMEOUT


def lookup(cache, environ):
    """(current generation, the cached page or None), in one round trip to the cache.
    A page stored under an older generation is a miss: something has changed."""
    key = cache_key(environ)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    page = found.get(key)
    if generation is None:
        return read_generation(cache), None
    if page is None or page.generation != generation:
        return generation, None
    return generation, page
