"""What search engines and link previews read: titles, descriptions, canonical URLs,
Open Graph, JSON-LD, the sitemap, robots.txt and the feed."""

import json

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree as ET
from wagtail_factories import ImageFactory

from tests.factories import ArticlePageFactory, PersonFactory, TopicFactory


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(page):
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


@pytest.fixture
def article(clinic):
    return ArticlePageFactory(
        parent=clinic.learning_centre,
        title="Knee pain",
        summary="How physiotherapy helps knee pain.",
        heading_image=ImageFactory(file__width=1600, file__height=900),
        heading_image_alt="A knee exercise",
        clinical_reviewer=PersonFactory(name="Jo Reviewer", credentials="PT, DPT"),
        authors=[PersonFactory(name="Sam Author")],
        topics=[TopicFactory(name="Knee")],
    )


def test_every_page_type_has_a_unique_title_and_description(client, clinic, article):
    urls = [clinic.home.url, clinic.learning_centre.url, article.url, clinic.terms.url]
    titles, descriptions = set(), set()
    for url in urls:
        page = soup(client.get(url))
        titles.add(page.title.get_text())
        descriptions.add(page.find("meta", attrs={"name": "description"})["content"])
    assert len(titles) == len(urls)
    assert len(descriptions) == len(urls)


def test_article_has_canonical_open_graph_and_twitter_tags(client, article):
    page = soup(client.get(article.url))
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == f"http://testserver{article.url}"
    og = {m["property"]: m["content"] for m in page.find_all("meta", property=True)}
    assert og["og:type"] == "article"
    assert og["og:title"] == "Knee pain"
    assert og["og:description"] == article.summary
    assert og["og:url"] == canonical
    assert og["og:image"].startswith("http://testserver/media/") and og["og:image:width"] == "1200"
    assert page.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"


def test_article_json_ld_is_a_medical_web_page_with_breadcrumbs(client, article):
    data = json_ld(soup(client.get(article.url)))
    web_page = next(d for d in data if d["@type"] == "MedicalWebPage")
    assert web_page["@context"] == "https://schema.org"
    assert web_page["name"] == "Knee pain"
    assert web_page["description"] == article.summary
    assert web_page["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    assert web_page["author"][0]["name"] == "Sam Author"
    assert web_page["reviewedBy"]["name"] == "Jo Reviewer"
    assert web_page["lastReviewed"] == article.last_reviewed.isoformat()
    assert web_page["about"] == [{"@type": "Thing", "name": "Knee"}]
    crumbs = next(d for d in data if d["@type"] == "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Learning Centre", "Knee pain"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]


def test_json_ld_cannot_be_broken_out_of(client, clinic):
    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        title="</script><script>alert(1)</script>",
        summary="<!-- & -->",
    )
    response = client.get(article.url)
    assert b"</script><script>alert(1)" not in response.content
    data = json_ld(soup(response))
    assert data[0]["name"] == "</script><script>alert(1)</script>"
    assert data[0]["description"] == "<!-- & -->"


def test_home_page_describes_the_clinic(client, clinic):
    clinic.settings.phone = "01632 960 000"
    clinic.settings.address = "1 High Street\nTown"
    clinic.settings.opening_hours_for_search_engines = "Mo-Fr 08:00-19:00, Sa 09:00-13:00"
    clinic.settings.booking_url = "https://booking.example.com/"
    clinic.settings.save()
    data = json_ld(soup(client.get(clinic.home.url)))
    organisation = data[0]
    assert organisation["@type"] == ["MedicalClinic", "Physiotherapy"]
    assert organisation["name"] == "Test Physiotherapy Clinic"
    assert organisation["telephone"] == "01632 960 000"
    assert organisation["address"]["streetAddress"] == "1 High Street, Town"
    assert organisation["openingHours"] == ["Mo-Fr 08:00-19:00", "Sa 09:00-13:00"]
    assert organisation["potentialAction"]["target"] == "https://booking.example.com/"


def test_sitemap_lists_every_live_page_and_no_draft(client, clinic, article):
    draft = ArticlePageFactory(parent=clinic.learning_centre, title="Draft")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {loc.text for loc in ET.fromstring(response.content).findall(".//s:loc", namespace)}
    # On the address the request came to (see test_public_address).
    pages = (clinic.home, clinic.learning_centre, clinic.terms, article)
    assert locations == {f"http://testserver{p.url}" for p in pages}
    assert f"http://testserver{draft.url}" not in locations


def test_robots_txt_points_at_the_sitemap(client, clinic):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_feed_lists_newest_live_articles(client, clinic, article):
    draft = ArticlePageFactory(parent=clinic.learning_centre, title="Draft")
    draft.unpublish()
    response = client.get(f"{clinic.learning_centre.url}feed/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Knee pain"]
    assert items[0].findtext("link") == f"http://testserver{article.url}"
    page = soup(client.get(clinic.learning_centre.url))
    assert page.find("link", type="application/rss+xml")["href"].endswith("/feed/")


def test_paginated_and_topic_pages_have_their_own_canonical(client, clinic):
    knee = TopicFactory(name="Knee")
    for _ in range(13):
        ArticlePageFactory(parent=clinic.learning_centre, topics=[knee])
    page = soup(client.get(clinic.learning_centre.url + "topic/knee/?page=2&utm=x"))
    assert page.find("link", rel="canonical")["href"] == (
        f"http://testserver{clinic.learning_centre.url}topic/knee/?page=2"
    )
