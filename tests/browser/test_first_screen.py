"""A patient on a phone reaches the article itself within a screen and a half.

At 375 × 740 (a small phone) the first section of every demo article starts no more
than 1,110 px (1.5 screens) from the top of the page: the header, the disclaimer, the
contents list and the heading image stay short enough not to push the reading down.
"""

from learning.models import ArticlePage

PHONE = {"width": 375, "height": 740}
FIRST_SECTION_LIMIT = 1110  # 1.5 × 740

FIRST_SECTION_TOP = """() => {
    const body = document.querySelector('.article__body');
    const first = body.querySelector('h2') || body.firstElementChild;
    return first.getBoundingClientRect().top + window.scrollY;
}"""


def test_first_section_starts_within_one_and_a_half_screens_on_a_phone(demo_site, browser):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        tops = {}
        for article in ArticlePage.objects.live():
            page.goto(demo_site + article.url)
            tops[article.slug] = round(page.evaluate(FIRST_SECTION_TOP))
        print("first-section tops at 375 × 740:", tops)
        assert len(tops) >= 3
        assert {slug: top for slug, top in tops.items() if top > FIRST_SECTION_LIMIT} == {}
    finally:
        context.close()
