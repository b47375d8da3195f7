"""The page cache in front of Django: a hit is answered before Django builds a request."""

from .generation import page_cache
from .keys import HEADER, lookup, request_is_cacheable


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
