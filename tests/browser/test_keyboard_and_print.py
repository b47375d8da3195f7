"""Keyboard users, readers without JavaScript and readers who print."""

ARTICLE = "/learning-centre/therapeutic-exercise/"

# Everything that can make focus visible: outline, shadow, background.
FOCUS_STYLE = """(el) => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
            s.backgroundColor].join('|');
}"""


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(demo_site, new_page):
    page = new_page()
    page.goto(demo_site + ARTICLE)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    assert page.evaluate("document.activeElement.getBoundingClientRect().left") >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_every_focusable_element_shows_a_visible_focus_indicator(demo_site, new_page):
    page = new_page()
    page.goto(demo_site + ARTICLE)
    unfocused_styles = {}
    seen = 0
    for _ in range(80):
        page.keyboard.press("Tab")
        handle = page.evaluate_handle("document.activeElement")
        tag = page.evaluate("(el) => el.tagName", handle)
        if tag == "BODY":
            break
        label = page.evaluate("(el) => el.outerHTML.slice(0, 80)", handle)
        focused_style = page.evaluate(FOCUS_STYLE, handle)
        page.evaluate("(el) => el.blur()", handle)
        unfocused_styles[label] = (focused_style, page.evaluate(FOCUS_STYLE, handle))
        page.evaluate("(el) => el.focus({focusVisible: true})", handle)
        seen += 1
    assert seen > 10
    invisible = [label for label, (on, off) in unfocused_styles.items() if on == off]
    assert invisible == []


def test_article_reads_and_navigates_without_javascript(demo_site, new_page):
    page = new_page(java_script_enabled=False)
    page.goto(demo_site + ARTICLE)
    assert page.locator("h1").inner_text() == "Therapeutic exercise"
    assert page.locator(".benefits ol li").count() == 6
    assert page.locator(".disclaimer--top").is_visible()
    # "On this page" and the disclaimer's full text are <details>: one tap opens them.
    page.locator(".contents summary").click()
    page.locator(".contents a", has_text="Are there risks").click()
    assert page.url.endswith("#are-there-risks-to-therapeutic-exercise")
    page.locator(".disclaimer--top summary").click()
    page.locator(".disclaimer--top a", has_text="Terms").click()
    assert page.locator("h1").inner_text() == "Terms and Conditions of Use"


def test_printed_article_is_a_handout(demo_site, new_page):
    page = new_page()
    page.goto(demo_site + ARTICLE)
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert not page.locator(".search-form--header").is_visible()
    assert not page.locator(".breadcrumbs").is_visible()
    assert page.locator(".review-dates").is_visible()
    assert "Page last reviewed" in page.locator(".review-dates").inner_text()
    assert page.locator(".disclaimer--top").is_visible()
    assert page.locator(".site-header__name").is_visible()
    assert page.locator(".site-footer address").is_visible()
    link_after = page.evaluate(
        "getComputedStyle(document.querySelector('.references a'), '::after').content"
    )
    assert "https://doi.org/" in link_after
