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


def test_health_reports_database_and_cache(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_health_reports_a_stopped_cache_but_stays_up(client, db, settings):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "clinic_site.page_cache.backends.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
        }
    }
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "unavailable"}
