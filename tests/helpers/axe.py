"""axe-core through Playwright: the rules every public page type must pass."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Best practice: content in landmarks, one main, one <h1>, headings in order, landmarks
# told apart by their names, a skip link that leads somewhere, scrollable regions a
# keyboard can reach, and the like.
RULE_TAGS = [*WCAG_TAGS, "best-practice"]


def violations_summary(results):
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} element(s): "
        f"{[node['target'] for node in v['nodes']][:5]})"
        for v in results.response["violations"]
    ]


def axe_problems(page):
    """The WCAG A/AA and best-practice violations on the page as loaded, in words."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": RULE_TAGS}})
    return violations_summary(results) if results.violations_count else []
