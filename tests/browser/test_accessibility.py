"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violations on any page type, phone or desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

PAGES = {
    "home": "/",
    "learning centre": "/learning-centre/",
    "topic": "/learning-centre/topic/pain/",
    "article": "/learning-centre/therapeutic-exercise/",
    "search with hits": "/search/?q=exercise",
    "search without hits": "/search/?q=zebra",
    "terms": "/terms-of-use/",
    "404": "/no-such-page/",
}


def violations_summary(results):
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} element(s), e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_no_wcag_violations_on_any_page_type(demo_site, new_page, viewport):
    axe = Axe()
    page = new_page(viewport)
    problems = {}
    for name, path in PAGES.items():
        response = page.goto(demo_site + path)
        assert response.status == (404 if name == "404" else 200), name
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            problems[name] = violations_summary(results)
    assert problems == {}
