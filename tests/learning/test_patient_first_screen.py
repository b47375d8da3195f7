"""What comes before an article's first section is short on a phone: a compact header
whose search is a link, a one-line disclaimer that opens in place, a closed contents
list and the heading image after the summary. (The measured layout is checked in
tests/browser/test_first_screen.py.)"""

import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticlePageFactory, DisclaimerFactory


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def article(clinic):
    from wagtail_factories import ImageFactory

    return ArticlePageFactory(
        parent=clinic.learning_centre,
        title="Knee pain",
        heading_image=ImageFactory(),
        heading_image_alt="Drawing of a bent knee",
    )


def test_header_offers_search_as_a_link_as_well_as_the_form(client, article):
    header = soup_of(client.get(article.url)).select_one("header.site-header")
    assert header.select_one("a.site-header__search-link")["href"] == "/search/"
    assert header.select_one('form[role="search"] input[name="q"]')


def test_top_disclaimer_is_one_line_with_the_full_text_and_terms_one_tap_away(
    client, clinic, article
):
    top = soup_of(client.get(article.url)).select_one(".disclaimer--top")
    details = top.find("details")
    assert details is not None and not details.has_attr("open")
    summary = details.find("summary").get_text(" ", strip=True)
    assert summary == "General information, not personal medical advice — read more"
    assert "not medical advice" in details.select_one(".disclaimer__text").get_text()
    assert details.select_one(".disclaimer__terms a")["href"] == clinic.terms.url


def test_a_disclaimer_heading_is_its_summary(client, clinic):
    own = DisclaimerFactory(heading="Before you start", text="<p>Ask your GP first.</p>")
    article = ArticlePageFactory(parent=clinic.learning_centre, top_disclaimer=own)
    top = soup_of(client.get(article.url)).select_one(".disclaimer--top")
    assert top.find("summary").get_text(" ", strip=True) == "Before you start — read more"
    assert not top.find("h2")
    assert "Ask your GP first." in top.find("details").get_text()


def test_closing_note_is_shown_in_full(client, article):
    closing = soup_of(client.get(article.url)).select_one(".disclaimer--closing")
    assert not closing.find("details")
    assert closing.find("h2").get_text(strip=True) == "Please note"


def test_contents_list_is_a_closed_details_inside_its_navigation(client, article):
    page = soup_of(client.get(article.url))
    contents = page.select_one("nav.contents")
    assert contents["aria-label"] == "On this page"
    details = contents.find("details")
    assert not details.has_attr("open")
    sections = len(page.select(".article__body h2"))
    assert (
        details.find("summary").get_text(" ", strip=True) == f"On this page ({sections} sections)"
    )
    assert len(details.select("li a")) == sections


def test_heading_image_follows_the_summary_and_comes_before_the_body(client, article):
    page = soup_of(client.get(article.url))
    order = [
        el["class"][0]
        for el in page.select(".lead, .heading-image, .disclaimer--top, .contents, .article__body")
    ]
    assert order == ["lead", "heading-image", "disclaimer", "contents", "article__body"]
