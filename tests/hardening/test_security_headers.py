"""Every patient page carries a strict Content-Security-Policy and the other security
headers; the Wagtail admin keeps working without the strict policy."""

import pytest

from tests.factories import ArticlePageFactory, TopicFactory


@pytest.fixture
def page_urls(clinic):
    article = ArticlePageFactory(parent=clinic.learning_centre, topics=[TopicFactory(name="Knee")])
    return {
        "home": clinic.home.url,
        "learning centre": clinic.learning_centre.url,
        "topic": f"{clinic.learning_centre.url}topic/knee/",
        "article": article.url,
        "terms": clinic.terms.url,
        "search": "/search/?q=knee",
        "404": "/no-such-page/",
    }


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_every_page_type_has_a_strict_policy_and_security_headers(client, page_urls):
    for name, url in page_urls.items():
        response = client.get(url)
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], name
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], name
        assert policy["object-src"] == ["'none'"], name
        assert policy["frame-ancestors"] == ["'none'"], name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", name
        assert "camera=()" in response["Permissions-Policy"], name
        assert response["X-Frame-Options"] == "DENY", name


def test_the_policy_survives_the_page_cache(client, page_urls):
    client.get(page_urls["article"])
    hit = client.get(page_urls["article"])
    assert hit["X-Page-Cache"] == "hit"
    assert "script-src 'self'" in hit["Content-Security-Policy"]


def test_the_admin_has_its_own_looser_policy(admin_client, page_urls):
    # Wagtail 8's admin still has inline scripts; it gets a policy it works under.
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy and "object-src 'none'" in policy
