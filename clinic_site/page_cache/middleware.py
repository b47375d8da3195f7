"""The page cache inside Django: answers hits and stores what a miss renders."""

import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control

from .generation import page_cache, request_generation
from .keys import (
    HEADER,
    CachedPage,
    cache_key,
    lookup,
    request_is_cacheable,
    response_is_cacheable,
    timeout_for,
)

logger = logging.getLogger("clinic_site.page_cache")


class AnonymousPageCacheMiddleware:
    """Serves anonymous GET/HEAD requests from the page cache, filling it on a miss.

    In production most hits never get here: `PageCacheApplication` answers them before
    Django builds a request. This serves the rest (the test client, runserver)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_generation.set(None)  # read on first use
        try:
            return self.respond(request)
        finally:
            request_generation.reset(token)

    def respond(self, request):
        if not request_is_cacheable(request.META):
            return self.get_response(request)
        cache = page_cache()
        try:
            generation, cached = lookup(cache, request.META)
        except Exception:
            logger.warning("Page cache unavailable; serving uncached", exc_info=True)
            return self.get_response(request)
        request_generation.set(generation)
        if cached is not None:
            return self.response_from(cached, request.META)
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            response = self.store(cache, request, response, generation)
        return response

    @staticmethod
    def store(cache, request, response, generation):
        # Browsers revalidate every time; a CDN in front may keep pages until a publish
        # purges them (Wagtail's frontend cache).
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_CDN_MAX_AGE
        )
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        page = CachedPage.from_response(response, generation)
        try:
            cache.set(cache_key(request.META), page, timeout_for(request, response))
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
