"""Full-page cache for anonymous patients that is never stale.

Every cached page is stored under the current *generation*. Publishing, unpublishing,
moving or deleting a page, or changing anything a page shows, starts a new generation,
so the next request renders afresh. Patients' pages change rarely and share navigation,
listings and related articles, so starting over is simpler and safer than working out
which pages a change touches.

Never cached: anyone with a session cookie (editors, previews), non-GET/HEAD requests,
/admin/ and /documents/, responses that set cookies or use a CSRF token, responses
marked private or no-store, and anything but 200 (404s only briefly). If the cache
server is down, pages are served uncached.

Infrastructure: this package imports neither app's models. Which models invalidate
the cache is configuration (``PAGE_CACHE_INVALIDATING_MODELS``), wired in
``signal_handlers``. Layers, lowest first: generation → memo → keys → middleware and
wsgi; backends sit beside them. Import the public names from here.
"""

from .generation import current_generation, invalidate_all, page_cache
from .keys import HEADER
from .memo import cached_for_generation

__all__ = ["HEADER", "cached_for_generation", "current_generation", "invalidate_all", "page_cache"]
