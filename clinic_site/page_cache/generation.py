"""The current generation of the page cache, and starting a new one (invalidation)."""

import contextvars
import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

logger = logging.getLogger("clinic_site.page_cache")

GENERATION_KEY = "page-cache:generation"
INVALIDATION_RETRIES = 120
INVALIDATION_RETRY_SECONDS = 5


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def read_generation(cache):
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


# The generation a request started with, read once per request (the page-cache lookup
# already knows it); outside a request it is read afresh each time.
OUTSIDE_REQUEST = object()
request_generation = contextvars.ContextVar("page_cache_generation", default=OUTSIDE_REQUEST)


def current_generation(cache=None):
    generation = request_generation.get()
    if generation is OUTSIDE_REQUEST or generation is None:
        found = read_generation(cache or page_cache())
        if generation is None:
            request_generation.set(found)
        return found
    return generation


def write_new_generation():
    cache = page_cache()
    # FailOpenRedisCache would swallow a failed write; this one must not be lost.
    write = getattr(cache, "set_or_raise", cache.set)
    write(GENERATION_KEY, uuid.uuid4().hex, None)


def _keep_trying_to_invalidate():
    for _ in range(INVALIDATION_RETRIES):
        time.sleep(INVALIDATION_RETRY_SECONDS)
        try:
            write_new_generation()
        except Exception:  # noqa: S112 - logged below if it never succeeds
            continue
        logger.warning("Page cache invalidated after an earlier failure")
        return
    logger.error("Gave up invalidating the page cache: empty it by hand (FLUSHDB)")


def invalidate_now():
    try:
        write_new_generation()
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
