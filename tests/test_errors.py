"""Unknown and odd URLs get a friendly 404, and the 500 page needs nothing to render."""

import pytest

from django.template.loader import render_to_string


@pytest.mark.parametrize(
    "path",
    [
        "/no-such-page/",
        "/learning-centre/no-such-article/",
        "/learning-centre/%00/",
        "/terms-of-use/extra/segment/",
        "/" + "a" * 2000 + "/",
        "/%E2%9C%93-unicode/",
    ],
)
def test_unknown_urls_answer_a_friendly_404(client, clinic, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"Page not found" in response.content
    # The 404 page keeps the clinic's header and footer so patients can find their way.
    assert b"Test Physiotherapy Clinic" in response.content
    assert clinic.terms.url.encode() in response.content


def test_500_page_renders_without_request_or_database():
    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
