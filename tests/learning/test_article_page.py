"""What a patient sees on an article: disclaimer, sections, benefits, risks, closing note."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticlePageFactory, DisclaimerFactory, LegalPageFactory


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def article(clinic):
    return ArticlePageFactory(
        parent=clinic.learning_centre,
        title="Therapeutic exercise",
        summary="What therapeutic exercise is and how it can help you.",
    )


def test_article_reads_in_the_seed_order(client, article, clinic):
    page = soup_of(client.get(article.url))
    main = page.find("main")
    assert main.find("h1").get_text(strip=True) == "Therapeutic exercise"

    # The disclaimer comes before the first section, the closing note after the last.
    parts = [
        el.get("class")[0] for el in main.select(".disclaimer, .article-section") if el.get("class")
    ]
    assert parts[0] == "disclaimer"
    assert parts[-1] == "disclaimer"
    assert parts[1:-1] == ["article-section"] * 3
    assert "not medical advice" in main.select_one(".disclaimer--top").get_text()
    assert "not a literature review" in main.select_one(".disclaimer--closing").get_text()


def test_benefits_are_a_numbered_list(client, article):
    page = soup_of(client.get(article.url))
    benefits = page.select_one(".benefits")
    assert benefits.find("h2").get_text(strip=True) == "How can it help me?"
    assert len(benefits.select("ol > li")) == 6


def test_risks_section_sends_patients_to_their_physiotherapist(client, article):
    risks = soup_of(client.get(article.url)).select_one(".risks")
    assert risks.find("h2").get_text(strip=True) == "Are there risks?"
    assert "Talk to your physiotherapist" in risks.get_text()
    assert risks.select("ul.risks__precautions li")


def test_disclaimer_links_to_the_terms_page_named_in_settings(client, article, clinic):
    top = soup_of(client.get(article.url)).select_one(".disclaimer--top")
    link = top.select_one(".disclaimer__terms a")
    assert link["href"] == clinic.terms.url
    assert client.get(link["href"]).status_code == 200


def test_changing_the_terms_setting_moves_every_disclaimer_link(client, clinic):
    articles = [ArticlePageFactory(parent=clinic.learning_centre) for _ in range(2)]
    new_terms = LegalPageFactory(parent=clinic.home, slug="new-terms", title="Updated Terms of Use")
    clinic.settings.terms_page = new_terms
    clinic.settings.save()

    for article in articles:
        page = soup_of(client.get(article.url))
        link = page.select_one(".disclaimer--top .disclaimer__terms a")
        assert link["href"] == new_terms.url
        assert link.get_text() == "Updated Terms of Use"
        footer_links = [a["href"] for a in page.select("footer a")]
        assert new_terms.url in footer_links


def test_article_can_choose_its_own_disclaimers(client, clinic):
    own_top = DisclaimerFactory(text="<p>Ask your GP before starting these exercises.</p>")
    own_note = DisclaimerFactory(text="<p>Written for adults only.</p>", links_to_terms=False)
    article = ArticlePageFactory(
        parent=clinic.learning_centre, top_disclaimer=own_top, closing_note=own_note
    )
    page = soup_of(client.get(article.url))
    assert "Ask your GP" in page.select_one(".disclaimer--top").get_text()
    assert "Written for adults only" in page.select_one(".disclaimer--closing").get_text()
    assert "not medical advice" not in page.get_text()


def test_unpublished_disclaimer_falls_back_to_the_default(client, clinic):
    draft = DisclaimerFactory(text="<p>Half-written draft text.</p>", live=False)
    article = ArticlePageFactory(parent=clinic.learning_centre, top_disclaimer=draft)
    page = soup_of(client.get(article.url))
    assert "Half-written draft" not in page.get_text()
    assert "not medical advice" in page.select_one(".disclaimer--top").get_text()


def test_summary_is_the_meta_description(client, article):
    page = soup_of(client.get(article.url))
    assert page.find("meta", attrs={"name": "description"})["content"] == article.summary
    assert page.title.get_text().startswith("Therapeutic exercise |")


def test_every_page_links_to_the_terms_in_its_footer(client, clinic, article):
    for url in [clinic.home.url, clinic.learning_centre.url, article.url, clinic.terms.url]:
        footer = soup_of(client.get(url)).find("footer")
        assert clinic.terms.url in [a["href"] for a in footer.find_all("a")], url


def test_heading_image_renders_with_its_alt_text(client, clinic):
    from wagtail_factories import ImageFactory

    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        heading_image=ImageFactory(),
        heading_image_alt="A physiotherapist guiding a knee exercise",
    )
    img = soup_of(client.get(article.url)).select_one(".heading-image img")
    assert img["alt"] == "A physiotherapist guiding a knee exercise"
    assert img["width"] and img["height"]


def test_article_ends_with_a_call_to_action_and_the_footer_has_hours(client, clinic, article):
    clinic.settings.phone = "01632 960 123"
    clinic.settings.opening_hours = "Monday to Friday: 8am to 7pm"
    clinic.settings.booking_url = "https://booking.example.com/"
    clinic.settings.save()
    page = soup_of(client.get(article.url))
    cta = page.select_one("article .cta")
    assert cta.select_one('a[href="https://booking.example.com/"]').get_text() == (
        "Book an appointment"
    )
    assert cta.select_one('a[href="tel:01632960123"]')
    assert "Monday to Friday: 8am to 7pm" in cta.get_text()
    footer = page.find("footer")
    assert "Monday to Friday: 8am to 7pm" in footer.get_text()
    assert footer.select_one('a[href="https://booking.example.com/"]')


def test_without_contact_details_there_is_no_empty_call_to_action(client, clinic, article):
    clinic.settings.phone = ""
    clinic.settings.booking_url = ""
    clinic.settings.save()
    assert not soup_of(client.get(article.url)).select("article .cta")
