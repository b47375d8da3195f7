"""Search: title, summary and body text; pages; promotions; hostile queries are safe."""

import pytest
from bs4 import BeautifulSoup

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories import ArticlePageFactory


def result_titles(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".search-result__title a")]


@pytest.fixture
def articles(clinic):
    return [
        ArticlePageFactory(
            parent=clinic.learning_centre,
            title="Therapeutic exercise",
            summary="Movement that helps you heal.",
        ),
        ArticlePageFactory(
            parent=clinic.learning_centre,
            title="Heat and ice",
            summary="When to use a cold pack.",
            body=[("section", {"heading": "Frozen peas", "text": "<p>Wrap the hamstring.</p>"})],
        ),
    ]


def test_finds_articles_by_title_summary_and_body(client, articles):
    assert result_titles(client.get("/search/", {"q": "therapeutic"})) == ["Therapeutic exercise"]
    assert result_titles(client.get("/search/", {"q": "cold pack"})) == ["Heat and ice"]
    assert result_titles(client.get("/search/", {"q": "hamstring"})) == ["Heat and ice"]


def test_drafts_are_never_found(client, articles):
    articles[0].unpublish()
    assert result_titles(client.get("/search/", {"q": "therapeutic"})) == []


def test_empty_result_says_what_to_do_next(client, articles):
    response = client.get("/search/", {"q": "zebra"})
    assert response.status_code == 200
    assert "No articles matched “zebra”".encode() in response.content


def test_empty_query_shows_just_the_form(client, clinic):
    response = client.get("/search/")
    assert response.status_code == 200
    assert b'name="q"' in response.content
    assert b"found" not in response.content


def test_results_are_paginated(client, clinic):
    for n in range(12):
        ArticlePageFactory(parent=clinic.learning_centre, title=f"Shoulder guide {n}")
    first = client.get("/search/", {"q": "shoulder"})
    assert len(result_titles(first)) == 10
    assert b"12 articles found" in first.content
    next_link = BeautifulSoup(first.content, "html.parser").select_one('a[rel="next"]')["href"]
    assert next_link == "?q=shoulder&page=2"
    second = client.get("/search/" + next_link)
    assert len(result_titles(second)) == 2
    beyond = client.get("/search/", {"q": "shoulder", "page": "99"})
    assert beyond.status_code == 200
    assert len(result_titles(beyond)) == 2


def test_promoted_result_comes_first(client, clinic, articles):
    query = Query.get("ice pack")
    SearchPromotion.objects.create(
        query=query, page=articles[1], description="Our guide to cold packs.", sort_order=0
    )
    response = client.get("/search/", {"q": "Ice  Pack"})
    page = BeautifulSoup(response.content, "html.parser")
    promoted = page.select_one(".search-result--promoted")
    assert promoted.select_one("a").get_text() == "Heat and ice"
    assert "Our guide to cold packs." in promoted.get_text()


HOSTILE_QUERIES = [
    "",
    " ",
    "a" * 10_000,
    "physio\x00therapy",
    "\x00",
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    '"><script>alert(1)</script>',
    "<img src=x onerror=alert(1)>",
    "réeducation 膝 🦵",
    "\u202e\u200b",
    'AND OR NOT ( ) * : " ~',
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_query_answers_200_or_400_and_is_never_reflected_unescaped(client, articles, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code in (200, 400)
    assert b"<script>alert(1)</script>" not in response.content
    assert b"<img src=x" not in response.content


def test_overlong_query_gets_a_clear_400(client, clinic):
    response = client.get("/search/", {"q": "a" * 10_000})
    assert response.status_code == 400
    assert b"Your search is too long" in response.content


def test_search_page_odd_page_numbers(client, articles):
    for page in ["abc", "-1", "0", "%00"]:
        assert client.get("/search/", {"q": "exercise", "page": page}).status_code == 200


def test_the_two_search_forms_have_names_a_screen_reader_can_tell_apart(client, clinic):
    page = BeautifulSoup(client.get("/search/?q=knee").content, "html.parser")
    names = [form.get("aria-label") for form in page.select('[role="search"]')]
    assert len(names) == 2 and all(names) and len(set(names)) == 2
