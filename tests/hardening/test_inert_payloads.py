"""Script and markup typed into any field an editor fills shows to patients as text:
no script of the payload's runs, no event handler or javascript: link appears, and
the JSON-LD for search engines cannot be broken out of."""

import json
from html import escape

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from django.test import Client

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Page

from learning.blocks import SECTION_TEXT_FEATURES, SHORT_TEXT_FEATURES
from learning.models import ArticlePage
from tests.factories import (
    ArticlePageFactory,
    DisclaimerFactory,
    PersonFactory,
    TopicFactory,
)
from tests.helpers.admin_forms import article_form, reference, section


def payload(field):
    """What an attacker would type into `field`; the field's name shows it rendered."""
    return f'{field}"><img src=x onerror=alert(1)><script>alert(1)</script>'


def typed_rich_text(field, features):
    """Rich text as Wagtail's editor stores it when someone types markup and links a
    word to javascript:, i.e. the Draftail data the browser posts, converted on save."""
    text = f"{payload(field)} click"
    contentstate = {
        "blocks": [
            {
                "key": "abcde",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": len(text) - 5, "length": 5, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {
                "type": "LINK",
                "mutability": "MUTABLE",
                "data": {"url": "javascript:alert(1)"},
            }
        },
    }
    return ContentstateConverter(features).to_database_format(json.dumps(contentstate))


def executable_parts(html):
    """Everything in the page a browser would run, other than the site's own JSON-LD."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        if script.get("type") != "application/ld+json":
            found.append(str(script)[:200])
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}={value!r}>")
            if name.lower() in ("href", "src", "action", "formaction", "srcset", "content"):
                squashed = "".join(str(value).split()).lower()
                if "javascript:" in squashed:
                    found.append(f"<{tag.name} {name}={value!r}>")
    return found


@pytest.fixture
def hostile_article(clinic):
    clinic.medical_disclaimer.heading = payload("disclaimer-heading")
    clinic.medical_disclaimer.text = typed_rich_text("disclaimer-text", SHORT_TEXT_FEATURES)
    clinic.medical_disclaimer.save()
    clinic.closing_note.text = typed_rich_text("closing-note", SHORT_TEXT_FEATURES)
    clinic.closing_note.save()
    author = PersonFactory(name=payload("author-name"), credentials=payload("author-creds"))
    reviewer = PersonFactory(name=payload("reviewer"), profession=payload("profession"))
    topic = TopicFactory(name=payload("topic"), slug="hostile-topic")
    image = wagtail_factories.ImageFactory(title=payload("image-title"))
    body = [
        (
            "section",
            {
                "heading": payload("section-heading"),
                "text": typed_rich_text("section-text", SECTION_TEXT_FEATURES),
            },
        ),
        (
            "benefits",
            {
                "heading": payload("benefits-heading"),
                "intro": payload("benefits-intro"),
                "items": [{"text": payload("benefit-item"), "reference": 1}],
                "closing_text": typed_rich_text("benefits-closing", SHORT_TEXT_FEATURES),
            },
        ),
        (
            "risks",
            {
                "heading": payload("risks-heading"),
                "text": typed_rich_text("risks-text", SHORT_TEXT_FEATURES),
                "precautions": [{"text": payload("precaution"), "reference": None}],
                "talk_to_us": payload("talk-to-us"),
            },
        ),
        (
            "callout",
            {
                "heading": payload("callout-heading"),
                "text": typed_rich_text("callout-text", SHORT_TEXT_FEATURES),
            },
        ),
    ]
    references = [
        (
            "reference",
            {
                "citation": payload("citation"),
                "url": 'https://example.com/?q="><script>alert(1)</script>',
                "doi": '10.1000/x"><script>alert(1)</script>',
            },
        )
    ]
    return ArticlePageFactory(
        parent=clinic.learning_centre,
        slug="hostile",
        title=payload("title") + "</script><script>alert(1)</script>",
        seo_title=payload("seo-title"),
        search_description=payload("search-description"),
        summary=payload("summary"),
        heading_image=image,
        heading_image_alt=payload("alt-text"),
        body=body,
        references=references,
        clinical_reviewer=reviewer,
        authors=[author],
        topics=[topic],
    )


FIELDS_PATIENTS_SEE = [
    "seo-title",
    "title",
    "summary",
    "author-name",
    "author-creds",
    "reviewer",
    "profession",
    "topic",
    "section-heading",
    "section-text",
    "benefits-heading",
    "benefits-intro",
    "benefit-item",
    "benefits-closing",
    "risks-heading",
    "risks-text",
    "precaution",
    "talk-to-us",
    "callout-heading",
    "callout-text",
    "citation",
    "disclaimer-heading",
    "disclaimer-text",
    "closing-note",
]


def test_article_shows_every_payload_as_text_and_runs_none(client, hostile_article):
    response = client.get("/learning-centre/hostile/")
    assert response.status_code == 200
    html = response.content.decode()
    assert executable_parts(html) == []
    soup = BeautifulSoup(html, "html.parser")
    text = soup.get_text()
    for field in FIELDS_PATIENTS_SEE:
        # Shown, as the characters the editor typed (so escaped, not dropped).
        assert payload(field) in text, field
    image = soup.select_one(".heading-image img")
    assert image["alt"] == payload("alt-text")
    assert soup.find("meta", attrs={"name": "description"})["content"] == payload(
        "search-description"
    )
    # The javascript: link lost its address; its words remain.
    assert "click" in soup.select_one(".article-section .prose").get_text()


def test_json_ld_cannot_be_broken_out_of(client, hostile_article):
    html = client.get("/learning-centre/hostile/").content.decode()
    blocks = BeautifulSoup(html, "html.parser").find_all("script")
    assert blocks and {block.get("type") for block in blocks} == {"application/ld+json"}
    # Each block is still whole JSON and carries the title exactly as typed.
    medical_page = next(
        data
        for data in map(json.loads, (b.string for b in blocks))
        if data["@type"] == "MedicalWebPage"
    )
    assert medical_page["headline"] == hostile_article.title
    assert medical_page["about"] == [{"@type": "Thing", "name": payload("topic")}]
    assert "</script>" not in "".join(block.string for block in blocks)


def test_listing_feed_and_search_show_hostile_titles_as_text(client, hostile_article):
    for path in [
        "/learning-centre/",
        "/learning-centre/topic/hostile-topic/",
        "/search/?q=summary",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert executable_parts(response.content.decode()) == [], path
        assert payload("summary") in BeautifulSoup(response.content, "html.parser").get_text()
    feed = client.get("/learning-centre/feed/")
    assert b"<script>" not in feed.content and b"<img src=x" not in feed.content


def test_page_editor_drops_javascript_links_and_refuses_javascript_references(admin_client, clinic):
    add_url = f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/"
    author, reviewer = PersonFactory(), PersonFactory()
    # The words typed reach the editor's data as text, hence escaped in this HTML.
    hostile_text = (
        f'<p>{escape(payload("typed"))} <a href="javascript:alert(1)">click</a> '
        '<a href=" JaVaScRiPt:alert(1)">again</a></p>'
    )
    form = article_form(
        [section(payload("heading"), hostile_text)],
        authors=[author],
        reviewer=reviewer,
        title=payload("title"),
        slug="typed",
        references=[reference("A citation", url="javascript:alert(1)")],
    )
    refused = admin_client.post(add_url, form)
    assert refused.status_code == 200
    assert not ArticlePage.objects.filter(slug="typed").exists()
    assert "Enter a valid URL" in refused.content.decode()

    form = article_form(
        [section(payload("heading"), hostile_text)],
        authors=[author],
        reviewer=reviewer,
        title=payload("title"),
        slug="typed",
        references=[reference("A citation")],
    )
    published = admin_client.post(add_url, form)
    assert published.status_code == 302, [
        e.get_text(" ", strip=True)
        for e in BeautifulSoup(published.content, "html.parser").select(".error-message")
    ]
    article = Page.objects.get(slug="typed").specific
    assert article.live
    stored = article.body[0].value["text"].source
    assert "javascript" not in stored.lower()
    page = client_get_anonymously(article)
    assert executable_parts(page) == []
    text = BeautifulSoup(page, "html.parser").get_text()
    assert payload("typed") in text and "click" in text and "again" in text


def client_get_anonymously(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_disclaimer_snippet_text_is_inert_on_every_article(client, clinic):
    DisclaimerFactory()  # An unused one must not matter.
    ArticlePageFactory(parent=clinic.learning_centre, slug="plain")
    clinic.medical_disclaimer.text = typed_rich_text("disclaimer", SHORT_TEXT_FEATURES)
    clinic.medical_disclaimer.save()
    html = client.get("/learning-centre/plain/").content.decode()
    assert executable_parts(html) == []
    assert payload("disclaimer") in BeautifulSoup(html, "html.parser").get_text()
