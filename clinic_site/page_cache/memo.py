"""Values shared by many pages (the menu, settings, renditions), kept for one generation:
in Redis for every process, and in this process's memory as well."""

import logging
import pickle

from .generation import current_generation, page_cache

logger = logging.getLogger("clinic_site.page_cache")

FRAGMENT_TIMEOUT = 24 * 60 * 60  # a day: a new generation, not expiry, retires them


class GenerationMemo:
    """Values that cannot change within a generation, kept in this process as well as in
    Redis, so a render does not ask Redis for each. Stored pickled, so no two requests
    ever share one mutable object.

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


def cached_for_generation(name, build, *, in_process=True):
    """A value shared by many pages (the menu, say), kept until content changes. Large
    values asked for rarely (a PDF) are kept in Redis only: `in_process=False`."""
    cache = page_cache()
    try:
        generation = current_generation(cache)
        key = f"fragment:{generation}:{name}"
        value = memo.get(generation, key) if in_process else None
        if value is None:
            value = cache.get(key)
    except Exception:
        logger.warning("Cache unavailable; building %s afresh", name, exc_info=True)
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, FRAGMENT_TIMEOUT)
        except Exception:
            logger.warning("Could not cache %s", name, exc_info=True)
    if in_process:
        memo.put(generation, key, value)
    return value
