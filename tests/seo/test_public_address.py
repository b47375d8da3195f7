"""Search engines are sent to the site's public address: the host the request came to
(Django has checked it against ALLOWED_HOSTS), or PUBLIC_BASE_URL when it is set, never
the hostname stored on the Wagtail Site record (localhost in a fresh install)."""

import json

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET

from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from clinic_site.page_cache import HEADER
from clinic_site.seo import public_url
from tests.factories import ArticlePageFactory, TopicFactory

HOST = "clinic.example"
PUBLIC_BASE_URL = "https://www.clinic.example"
SITEMAP_NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def public_host(settings, clinic):
    """The clinic as a fresh install leaves it: its Site still says localhost:80."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST]
    assert (clinic.site.hostname, clinic.site.port) == ("localhost", 80)
    return clinic


@pytest.fixture
def article(clinic):
    return ArticlePageFactory(parent=clinic.learning_centre, title="Knee pain")


def get(client, path):
    return client.get(path, HTTP_HOST=HOST)


def sitemap_locations(client):
    response = get(client, "/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall(".//s:loc", SITEMAP_NAMESPACE)]


def live_paths(clinic, article):
    return {page.url for page in (clinic.home, clinic.learning_centre, clinic.terms, article)}


def page_addresses(client, path):
    """The canonical link, og:url and JSON-LD page URLs of a page."""
    page = BeautifulSoup(get(client, path).content, "html.parser")
    structured = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    return {
        "canonical": page.find("link", rel="canonical")["href"],
        "og:url": page.find("meta", property="og:url")["content"],
        "json-ld": [d["url"] for d in structured if "url" in d],
        "breadcrumbs": [
            item["item"]
            for d in structured
            if d["@type"] == "BreadcrumbList"
            for item in d["itemListElement"]
        ],
    }


def test_the_sitemap_lists_pages_on_the_host_the_request_came_to(client, public_host, article):
    locations = sitemap_locations(client)
    assert set(locations) == {f"http://{HOST}{path}" for path in live_paths(public_host, article)}
    assert not [location for location in locations if "localhost" in location]


def test_the_sitemap_lists_pages_on_public_base_url_when_set(
    client, settings, public_host, article
):
    settings.PUBLIC_BASE_URL = PUBLIC_BASE_URL
    locations = sitemap_locations(client)
    assert all(location.startswith(f"{PUBLIC_BASE_URL}/") for location in locations)
    assert set(locations) == {PUBLIC_BASE_URL + path for path in live_paths(public_host, article)}


def test_each_host_gets_its_own_sitemap_from_the_page_cache(client, settings, public_host):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "www.clinic.example"]
    get(client, "/sitemap.xml")
    assert get(client, "/sitemap.xml")[HEADER] == "hit"
    other = client.get("/sitemap.xml", HTTP_HOST="www.clinic.example")
    assert other[HEADER] == "miss"
    assert b"http://www.clinic.example/" in other.content
    assert f"http://{HOST}/".encode() not in other.content


@pytest.mark.parametrize("base_url", ["", PUBLIC_BASE_URL])
def test_an_articles_canonical_link_agrees_with_its_sitemap_entry(
    client, settings, public_host, article, base_url
):
    settings.PUBLIC_BASE_URL = base_url
    origin = base_url or f"http://{HOST}"
    addresses = page_addresses(client, article.url)
    assert addresses["canonical"] == f"{origin}{article.url}"
    assert addresses["canonical"] in sitemap_locations(client)
    assert addresses["og:url"] == addresses["canonical"]
    assert addresses["json-ld"] == [addresses["canonical"]]
    assert addresses["breadcrumbs"] == [
        f"{origin}{public_host.home.url}",
        f"{origin}{public_host.learning_centre.url}",
        addresses["canonical"],
    ]


@pytest.mark.parametrize("base_url", ["", PUBLIC_BASE_URL])
def test_learning_centre_and_topic_canonicals_use_the_public_address(
    client, settings, public_host, base_url
):
    settings.PUBLIC_BASE_URL = base_url
    origin = base_url or f"http://{HOST}"
    ArticlePageFactory(parent=public_host.learning_centre, topics=[TopicFactory(name="Knee")])
    index_url = public_host.learning_centre.url
    assert page_addresses(client, index_url)["canonical"] == f"{origin}{index_url}"
    assert f"{origin}{index_url}" in sitemap_locations(client)
    topic = page_addresses(client, f"{index_url}topic/knee/")
    assert topic["canonical"] == topic["og:url"] == f"{origin}{index_url}topic/knee/"


@pytest.mark.parametrize("base_url", ["", PUBLIC_BASE_URL])
def test_home_and_terms_canonicals_use_the_public_address(client, settings, public_host, base_url):
    settings.PUBLIC_BASE_URL = base_url
    origin = base_url or f"http://{HOST}"
    for page in (public_host.home, public_host.terms):
        addresses = page_addresses(client, page.url)
        assert addresses["canonical"] == addresses["og:url"] == f"{origin}{page.url}"
        assert all(url.startswith(f"{origin}/") for url in addresses["json-ld"])


@pytest.mark.parametrize("base_url", ["", PUBLIC_BASE_URL])
def test_robots_txt_points_at_the_public_sitemap(client, settings, public_host, base_url):
    settings.PUBLIC_BASE_URL = base_url
    origin = base_url or f"http://{HOST}"
    robots = get(client, "/robots.txt").content.decode()
    assert f"Sitemap: {origin}/sitemap.xml\n" in f"{robots}\n"


def test_public_url_is_the_request_origin_or_public_base_url(rf: RequestFactory, settings):
    settings.ALLOWED_HOSTS = [HOST]
    settings.PUBLIC_BASE_URL = ""
    request = rf.get("/", HTTP_HOST=HOST)
    assert public_url(request, "/learning-centre/?page=2") == (
        f"http://{HOST}/learning-centre/?page=2"
    )
    settings.PUBLIC_BASE_URL = "https://www.clinic.example/"  # a trailing slash is fine
    assert public_url(request, "/") == "https://www.clinic.example/"
    # Another site's address (a CDN's image URL, say) is left as it is.
    assert public_url(request, "https://cdn.example/a.jpg") == "https://cdn.example/a.jpg"


@pytest.mark.parametrize(
    "base_url", ["www.clinic.example", "ftp://clinic.example", "https://clinic.example/clinic"]
)
def test_a_public_base_url_that_is_not_an_origin_is_refused(rf, settings, base_url):
    settings.PUBLIC_BASE_URL = base_url
    with pytest.raises(ImproperlyConfigured, match="PUBLIC_BASE_URL"):
        public_url(rf.get("/"), "/")
