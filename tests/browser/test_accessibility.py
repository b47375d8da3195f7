"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violations, and no breach of its
best-practice rules, on any public page type, phone or desktop."""

import pytest

from django.template.loader import render_to_string

from tests.helpers.axe import axe_problems

# Page type: (path, the status it answers with).
PAGES = {
    "home": ("/", 200),
    "learning centre": ("/learning-centre/", 200),
    "topic": ("/learning-centre/topic/pain/", 200),
    "article": ("/learning-centre/therapeutic-exercise/", 200),
    "search form": ("/search/", 200),
    "search with hits": ("/search/?q=exercise", 200),
    "search without hits": ("/search/?q=zebra", 200),
    "terms": ("/terms-of-use/", 200),
    "404": ("/no-such-page/", 404),
}

# The 500 and 503 pages are rendered without a request or the database, so no URL of
# the live server shows them on demand. The browser is answered with the same HTML at
# an address on the live server, so their stylesheet loads as it does in production.
STANDALONE_ERROR_STATUSES = [500, 503]


def answer_with(status, body):
    def fulfil(route):
        route.fulfill(status=status, body=body, content_type="text/html; charset=utf-8")

    return fulfil


def serve_standalone_error_pages(page, site):
    """The paths at which the page shows the 500 and 503 pages, with their statuses."""
    pages = {}
    for status in STANDALONE_ERROR_STATUSES:
        path = f"/__standalone-error-{status}/"
        page.route(site + path, answer_with(status, render_to_string(f"{status}.html")))
        pages[str(status)] = (path, status)
    return pages


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_no_wcag_or_best_practice_violations_on_any_page_type(demo_site, new_page, viewport):
    page = new_page(viewport)
    pages = {**PAGES, **serve_standalone_error_pages(page, demo_site)}
    problems = {}

    def scan(name, url, expected_status):
        response = page.goto(url)
        assert response.status == expected_status, name
        if found := axe_problems(page):
            problems[name] = found

    for name, (path, status) in pages.items():
        scan(name, demo_site + path, status)
        if name == "learning centre":
            # The second page of articles, when there are enough for one (the demo's
            # three articles fit on one page).
            next_link = page.locator(".pagination a[rel=next]")
            if next_link.count():
                scan("learning centre, page 2", next_link.first.evaluate("a => a.href"), 200)

    assert problems == {}
