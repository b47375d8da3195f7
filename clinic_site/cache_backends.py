"""A Redis cache that fails open: if Redis stops, every read is a miss and every write
is skipped, so pages are still served (uncached) instead of failing with a 500.

Django's own RedisCache raises on a lost connection, and Wagtail reads the cache on
every request (site root paths, renditions), so without this a stopped Redis would
take the whole site down.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

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
