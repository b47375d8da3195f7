"""Arbitrary input in every public URL parameter and path segment: never a server
error, and never echoed back as markup.

Each test builds the clinic once and then sends Hypothesis's examples to it; the
requests only read, so the examples can share the test's database rows (hence the
function-scoped-fixture health check is suppressed).
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ArticlePageFactory, TopicFactory

ANSWERS_WE_ALLOW = {200, 301, 302, 400, 404}
# If any of these came back raw, a browser would run the visitor's input.
SCRIPT_MARKER = "<script>hostile()</script>"
HANDLER_MARKER = '"><img src=x onerror=hostile()>'
RAW_MARKERS = [marker.encode() for marker in (SCRIPT_MARKER, "<img src=x onerror")]

# Everything a URL can carry once decoded: any code point including NUL, other control
# characters, lone surrogates (sent as the bytes they would encode to), and URL syntax.
any_character = st.one_of(
    st.characters(codec=None),
    st.characters(categories=["Cs"]),
    st.characters(max_codepoint=0x1F),
    st.sampled_from("\x00\x7f\u2028\u202e\ufeff<>\"'&%/\\?#;=+. "),
)
short_text = st.text(any_character, max_size=40)
# The same, padded out to 10,000 characters, to find length limits.
long_text = short_text.map(lambda text: (text + "x" * 10)[:40] * 250)
hostile_text = st.one_of(
    short_text,
    long_text,
    st.sampled_from(["", "0", "-1", "1e9", "9" * 5000, "%00", "..", "../../etc/passwd", "Ⅻ", "١٢"]),
)
# Random text around one of the markers, so the reflection check always has a target.
with_marker = st.tuples(short_text, st.sampled_from([SCRIPT_MARKER, HANDLER_MARKER]), short_text)
payload = st.one_of(with_marker.map("".join), hostile_text)

HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    database=None,  # No .hypothesis folder in the shared checkout.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def encoded(text):
    """Text as it would arrive in a URL: UTF-8 bytes, percent-encoded; a lone
    surrogate arrives as the invalid bytes a careless client would send."""
    return quote(text.encode("utf-8", "surrogatepass"), safe="")


def assert_answered_safely(response):
    assert response.status_code in ANSWERS_WE_ALLOW, (
        response.status_code,
        response.wsgi_request.get_full_path(),
    )
    body = response.content
    for marker in RAW_MARKERS:
        assert marker not in body, response.wsgi_request.get_full_path()


@pytest.fixture
def site(clinic):
    topic = TopicFactory(name="Knee", slug="knee")
    ArticlePageFactory(
        parent=clinic.learning_centre, title="Knee pain", slug="knee-pain", topics=[topic]
    )
    return clinic


@HYPOTHESIS
@given(query=payload, page=payload)
def test_search(client, site, query, page):
    response = client.get(f"/search/?q={encoded(query)}&page={encoded(page)}")
    assert_answered_safely(response)


def test_search_for_the_marker_shows_it_as_text(client, site):
    response = client.get(f"/search/?q={encoded(SCRIPT_MARKER)}")
    assert response.status_code == 200
    assert b"&lt;script&gt;hostile()&lt;/script&gt;" in response.content


@HYPOTHESIS
@given(page=payload)
def test_learning_centre_page_number(client, site, page):
    assert_answered_safely(client.get(f"/learning-centre/?page={encoded(page)}"))
    assert_answered_safely(client.get(f"/learning-centre/topic/knee/?page={encoded(page)}"))


@HYPOTHESIS
@given(segment=payload)
def test_topic_slug(client, site, segment):
    assert_answered_safely(client.get(f"/learning-centre/topic/{encoded(segment)}/"))


@HYPOTHESIS
@given(segment=payload, rest=st.one_of(st.just(""), payload))
def test_article_slug_and_below(client, site, segment, rest):
    path = f"/learning-centre/{encoded(segment)}/"
    if rest:
        path += f"{encoded(rest)}/"
    assert_answered_safely(client.get(path))
    assert_answered_safely(client.get(f"/learning-centre/knee-pain/{encoded(segment)}/"))


@HYPOTHESIS
@given(segment=payload, trailing_slash=st.booleans())
def test_unknown_paths(client, site, segment, trailing_slash):
    path = f"/{encoded(segment)}" + ("/" if trailing_slash else "")
    assert_answered_safely(client.get(path))
    assert_answered_safely(client.get(f"/documents/1/{encoded(segment)}"))


@HYPOTHESIS
@given(key=payload, value=payload)
def test_query_strings_on_home_feed_sitemap_and_robots(client, site, key, value):
    query = f"{encoded(key)}={encoded(value)}"
    for path in ["/", "/learning-centre/feed/", "/robots.txt", "/learning-centre/knee-pain/"]:
        assert_answered_safely(client.get(f"{path}?{query}"))
    assert_answered_safely(client.get(f"/sitemap.xml?p={encoded(value)}"))
    # And a query string that is not key=value pairs at all.
    assert_answered_safely(client.get(f"/?{encoded(key)}"))


def test_known_pages_still_answer(client, site):
    """The properties above would hold for a site that 404s everything; it does not."""
    for path in ["/", "/learning-centre/", "/learning-centre/topic/knee/", "/sitemap.xml"]:
        assert client.get(path).status_code == 200, path
    assert b"Knee pain" in client.get("/learning-centre/knee-pain/").content
    assert b"Knee pain" in client.get("/learning-centre/feed/").content
