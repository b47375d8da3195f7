"""The printed handout: the print stylesheet's rules and the markup they rely on.
(Chromium's print emulation is checked in tests/browser/test_print_handout.py.)"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from django.conf import settings

from tests.factories import ArticlePageFactory

PRINT_CSS = Path(settings.BASE_DIR, "static", "css", "print.css").read_text()


def rule(selector_part):
    """The declarations of every rule whose selector list mentions selector_part."""
    found = [
        body
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", PRINT_CSS)
        if selector_part in selectors
    ]
    assert found, selector_part
    return " ".join(found)


@pytest.fixture
def page(client, clinic):
    clinic.settings.phone = "01632 960 123"
    clinic.settings.booking_url = "https://booking.example.com/"
    clinic.settings.save()
    article = ArticlePageFactory(parent=clinic.learning_centre)
    response = client.get(article.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_print_stylesheet_is_linked_for_print_only(page):
    link = page.find("link", href=re.compile(r"print\.css"))
    assert link["media"] == "print"


def test_terms_link_carries_its_full_address_for_print(page, clinic):
    link = page.select_one(".disclaimer--top .disclaimer__terms a")
    assert link["href"] == clinic.terms.url
    assert link["data-print-url"] == f"http://testserver{clinic.terms.url}"
    assert "attr(data-print-url)" in rule("a[data-print-url]::after")


def test_the_article_names_the_sites_address_for_its_other_links(page):
    assert page.select_one("article.article")["data-print-origin"] == "http://testserver"
    assert "attr(data-print-origin)" in rule(".article[data-print-origin]")
    assert 'var(--print-origin, "") attr(href)' in rule('.article a[href^="/"]::after')


def test_navigation_search_and_duplicates_are_hidden(page):
    for selector in [
        ".site-header nav",
        ".site-header__search-link",
        ".search-form",
        ".contents",
        ".article-topics",
    ]:
        assert "display: none" in rule(selector), selector
    assert "display: none" in rule(".disclaimer__summary")
    assert "content-visibility: visible" in rule("::details-content")
    assert "display: none" in rule(".site-footer__contact > .site-footer__name")


def test_the_booking_button_prints_black_on_white(page):
    assert page.select_one(".cta a.button")["href"] == "https://booking.example.com/"
    button = rule(".button, .button:visited")
    assert "color: #000 !important" in button
    assert "background: none !important" in button


def test_lists_do_not_split_across_pages(page):
    assert "break-inside: avoid" in rule("ul, ol")
    assert page.select(".article__body ol, .article__body ul")
