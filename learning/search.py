"""The patients' search: the Learning Centre's live articles, and editors' promoted results."""

import re
import unicodedata

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site
from wagtail.search.utils import normalise_query_string

from .models import ArticlePage
from .pagination import page_number

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
        return render(request, "learning/search.html", context, status=400)
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
    return render(request, "learning/search.html", context)
