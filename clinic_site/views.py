"""The load balancer's health check (robots.txt and the sitemap are in clinic_site.seo)."""

from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def health(request):
    """For a load balancer: 200 while the database answers, 503 when it does not.
    The cache is reported but optional: pages are served without it."""
    state = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        state["database"] = "ok"
    except Exception:
        state["database"] = "unavailable"
    try:
        cache = caches["default"]
        cache.set("health-check", "ok", 10)
        state["cache"] = "ok" if cache.get("health-check") == "ok" else "unavailable"
    except Exception:
        state["cache"] = "unavailable"
    status = 200 if state["database"] == "ok" else 503
    response = JsonResponse(state, status=status)
    response["Cache-Control"] = "no-store"
    return response
