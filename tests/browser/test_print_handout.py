"""Printing an article in Chromium: the disclaimer in full, no navigation or search,
every link's full address, a legible booking link, nothing printed twice."""

import re

ARTICLE = "/learning-centre/therapeutic-exercise/"

AFTER = "(el) => getComputedStyle(el, '::after').content"


def printed(page, site):
    page.goto(site + ARTICLE)
    page.emulate_media(media="print")
    return page


def test_the_top_disclaimer_prints_in_full_without_its_summary(demo_site, new_page):
    page = printed(new_page(), demo_site)
    disclaimer = page.locator(".disclaimer--top")
    assert disclaimer.locator(".disclaimer__text").is_visible()
    assert "cannot diagnose or treat you" in disclaimer.inner_text()
    assert not disclaimer.locator("summary").is_visible()
    assert disclaimer.locator(".disclaimer__terms a").is_visible()


def test_navigation_search_and_contents_are_not_printed(demo_site, new_page):
    page = printed(new_page("mobile"), demo_site)
    for selector in [
        ".main-nav",
        ".site-header__search-link",
        ".search-form--header",
        ".breadcrumbs",
        ".contents",
        ".related",
        ".site-footer nav",
    ]:
        assert not page.locator(selector).is_visible(), selector
    assert page.locator(".site-header__name").is_visible()


def test_links_print_their_full_address(demo_site, new_page):
    page = printed(new_page(), demo_site)
    terms = page.locator(".disclaimer__terms a")
    assert page.evaluate(AFTER, terms.element_handle()) == f'" ({demo_site}/terms-of-use/)"'
    booking = page.locator(".cta a.button")
    assert "https://booking.northgate-physio.example/" in page.evaluate(
        AFTER, booking.element_handle()
    )
    # A link to one of the site's pages in an article's rich text (drawn by the editor):
    # Chromium prints the site's address in front of its path.
    page.evaluate(
        """() => {
            const link = document.createElement('a');
            link.href = '/learning-centre/heat-and-ice/';
            link.id = 'rich-text-link';
            link.textContent = 'Heat and ice';
            document.querySelector('.article__body .prose').append(link);
        }"""
    )
    rich_text_link = page.locator("#rich-text-link").element_handle()
    assert page.evaluate(AFTER, rich_text_link) == f'" ({demo_site}/learning-centre/heat-and-ice/)"'


def test_the_booking_link_prints_dark_on_white(demo_site, new_page):
    page = printed(new_page(), demo_site)
    style = page.locator(".cta a.button").evaluate(
        "(el) => { const s = getComputedStyle(el); return [s.color, s.backgroundColor]; }"
    )
    assert style[0] == "rgb(0, 0, 0)"
    assert style[1] in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)")


def test_nothing_prints_twice(demo_site, new_page):
    page = printed(new_page(), demo_site)
    text = page.locator("body").inner_text()
    assert text.count("Northgate Physiotherapy") == 1
    assert text.count("01632 960 123") == 1
    assert text.count("Monday to Friday") == 1
    assert text.count("cannot diagnose or treat you") == 1
    assert "read more" not in text
    assert len(re.findall(r"Book an appointment", text)) == 1
