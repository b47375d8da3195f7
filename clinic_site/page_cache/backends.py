"""Cache backends: a Redis cache that fails open, and Wagtail's rendition cache kept in
this process for one page-cache generation.

FailOpenRedisCache: if Redis stops, every read is a miss and every write is skipped,
so pages are still served (uncached) instead of failing with a 500.

Django's own RedisCache raises on a lost connection, and Wagtail reads the cache on
every request (site root paths, renditions), so without this a stopped Redis would
take the whole site down. Measured against django-redis 7.0 with IGNORE_EXCEPTIONS
(make bench, December 2026): no faster on any page and about 15% slower on a cached
article; it also retries Redis on every call while Redis is down, where this backs off
for a few seconds, and it would swallow a failed invalidation, which set_or_raise
below must not.
"""

import logging
import time

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from .generation import current_generation
from .memo import memo

logger = logging.getLogger("clinic_site.cache")

# After a failure, skip Redis for a moment instead of waiting on it for every call.
RETRY_AFTER_SECONDS = 5


class ReusingRedisCacheClient(RedisCacheClient):
    """Django builds a new redis-py client object on every cache call, which costs about
    0.2 ms with redis-py 8: more than a cached page's whole round trip. Cache backends
    are per thread in Django, so one client per connection pool is safe to keep."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailOpenRedisCache(RedisCache):
    _down_until = 0.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _call(self, operation, default, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except Exception:
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning("Redis cache unavailable; serving without it", exc_info=True)
            return default

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_or_raise(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """For a write that must not be lost silently (the page cache's invalidation)."""
        super().set(key, value, timeout, version)
        self._down_until = 0.0

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", None, key, delta, version)

    def clear(self):
        return self._call("clear", None)


class RenditionCache(BaseCache):
    """Wagtail's rendition cache (the "renditions" alias): the default cache, plus a copy
    in this process for the current page-cache generation. Wagtail asks the cache for
    every image on every render and writes back what it read; here a render asks Redis
    only for renditions this process has not seen since content last changed. Deleting
    a rendition starts a new generation, so no process keeps a purged one."""

    def __init__(self, location, params):
        super().__init__(params)
        self._alias = location or "default"

    @property
    def _backend(self):
        return caches[self._alias]

    @staticmethod
    def _memo_key(key):
        return f"rendition:{key}"

    def get_many(self, keys, version=None):
        generation = current_generation(self._backend)
        found = {}
        for key in keys:
            value = memo.get(generation, self._memo_key(key))
            if value is not None:
                found[key] = value
        missing = [key for key in keys if key not in found]
        if missing:
            for key, value in self._backend.get_many(missing, version).items():
                memo.put(generation, self._memo_key(key), value)
                found[key] = value
        return found

    def get(self, key, default=None, version=None):
        return self.get_many([key], version).get(key, default)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        generation = current_generation(self._backend)
        new = {k: v for k, v in data.items() if (generation, self._memo_key(k)) not in memo}
        if new:
            self._backend.set_many(new, timeout, version)
            for key, value in new.items():
                memo.put(generation, self._memo_key(key), value)
        return []

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.set_many({key: value}, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._backend.add(key, value, timeout, version)

    def delete(self, key, version=None):
        memo.discard(self._memo_key(key))
        return self._backend.delete(key, version)

    def delete_many(self, keys, version=None):
        for key in keys:
            self.delete(key, version)

    def has_key(self, key, version=None):
        return self._backend.has_key(key, version)

    def clear(self):
        memo.clear()
        return self._backend.clear()
