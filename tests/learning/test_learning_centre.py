"""The Learning Centre list as patients browse it, including odd page numbers."""

import pytest
from bs4 import BeautifulSoup

from learning.models import ARTICLES_PER_PAGE
from tests.factories import ArticlePageFactory


def article_titles(response):
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".article-card__title a")]


def test_lists_published_articles_with_summary_newest_first(client, clinic):
    older = ArticlePageFactory(parent=clinic.learning_centre, title="Older article")
    newer = ArticlePageFactory(parent=clinic.learning_centre, title="Newer article")
    draft = ArticlePageFactory(parent=clinic.learning_centre, title="Draft article")
    draft.unpublish()

    response = client.get(clinic.learning_centre.url)
    assert article_titles(response) == [newer.title, older.title]
    assert newer.summary in response.content.decode()


@pytest.fixture
def many_articles(clinic):
    return [
        ArticlePageFactory(parent=clinic.learning_centre, title=f"Article {n:02d}")
        for n in range(ARTICLES_PER_PAGE + 3)
    ]


def test_paginates_and_links_to_the_next_page(client, clinic, many_articles):
    first = client.get(clinic.learning_centre.url)
    assert len(article_titles(first)) == ARTICLES_PER_PAGE
    assert b'href="?page=2"' in first.content
    second = client.get(clinic.learning_centre.url + "?page=2")
    assert len(article_titles(second)) == 3
    assert b"Page 2 of 2" in second.content


def test_page_count_follows_publishing_and_unpublishing(client, clinic, many_articles):
    # The number of articles is kept between requests; a publish must still show at once.
    assert b"Page 2 of 2" in client.get(clinic.learning_centre.url + "?page=2").content
    extra = [
        ArticlePageFactory(parent=clinic.learning_centre, title=f"Extra {n}")
        for n in range(ARTICLES_PER_PAGE)
    ]
    assert b"Page 3 of 3" in client.get(clinic.learning_centre.url + "?page=3").content
    for article in extra:
        article.unpublish()
    assert b"Page 2 of 2" in client.get(clinic.learning_centre.url + "?page=3").content


@pytest.mark.parametrize(
    ("page_param", "expected_page"),
    [("abc", 1), ("-1", 1), ("0", 1), ("999999", 2), ("2.5", 1), ("", 1), ("%00", 1)],
)
def test_odd_page_numbers_show_the_nearest_valid_page(
    client, clinic, many_articles, page_param, expected_page
):
    response = client.get(f"{clinic.learning_centre.url}?page={page_param}")
    assert response.status_code == 200
    assert f"Page {expected_page} of 2".encode() in response.content


def test_empty_learning_centre_says_so(client, clinic):
    response = client.get(clinic.learning_centre.url)
    assert response.status_code == 200
    assert b"There are no articles here yet" in response.content


def test_home_page_links_to_learning_centre_and_newest_articles(client, clinic):
    articles = [ArticlePageFactory(parent=clinic.learning_centre) for _ in range(4)]
    response = client.get(clinic.home.url)
    page = BeautifulSoup(response.content, "html.parser")
    links = [a["href"] for a in page.select("main a")]
    assert clinic.learning_centre.url in links
    # The three newest, newest first; the oldest is only in the Learning Centre.
    assert article_titles(response) == [a.title for a in reversed(articles[1:])]
