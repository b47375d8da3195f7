"""Site-wide views outside the page tree: search and robots.txt."""

import re
import unicodedata

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site
from wagtail.search.utils import normalise_query_string

from learning.models import ArticlePage
from learning.pagination import page_number

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


# Full-text search ignores punctuation, but SQLite's FTS reads quotes, brackets and
# asterisks as query syntax and fails on unbalanced ones, so only words reach the engine.
SEARCH_SYNTAX = re.compile(r"[^\w\s'-]+")


def clean_query(raw):
    """The query without control characters (PostgreSQL refuses NUL) or extra spaces."""
    printable = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C")
    return " ".join(printable.split())


def search_terms(query):
    return " ".join(SEARCH_SYNTAX.sub(" ", query).split())


@require_GET
def search(request):
    query = clean_query(request.GET.get("q", ""))
    context = {"query": query, "results_page": None, "promotions": []}
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = (
            f"Your search is too long. Please use up to {MAX_QUERY_LENGTH} characters."
        )
        context["query"] = query[:MAX_QUERY_LENGTH]
        return render(request, "clinic_site/search.html", context, status=400)
    terms = search_terms(query)
    if query:
        site = Site.find_for_request(request)
        articles = ArticlePage.objects.live().public()
        if site:
            articles = articles.descendant_of(site.root_page)
        results = articles.search(terms) if terms else ArticlePage.objects.none()
        paginator = Paginator(results, RESULTS_PER_PAGE)
        context["results_page"] = paginator.page(
            page_number(request.GET.get("page"), paginator.num_pages)
        )
        promoted_query = Query.objects.filter(query_string=normalise_query_string(query)).first()
        if promoted_query:
            context["promotions"] = [
                promotion
                for promotion in promoted_query.editors_picks.select_related("page")
                if promotion.page is None or promotion.page.live
            ]
    return render(request, "clinic_site/search.html", context)


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    return render(
        request,
        "robots.txt",
        {"sitemap_url": sitemap_url},
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def health(request):
    """For a load balancer: 200 while the database answers, 503 when it does not.
    The cache is reported but optional: pages are served without it."""
    from django.core.cache import caches
    from django.db import connection
    from django.http import JsonResponse

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
