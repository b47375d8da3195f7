"""References: a numbered list at the end; list items point at them; bad URLs and DOIs refused."""

from bs4 import BeautifulSoup

from learning.models import ArticlePage
from tests.factories import ArticlePageFactory, PersonFactory
from tests.helpers.admin_forms import article_form, benefits, reference, section


def add_article(admin_client, clinic, body, references):
    return admin_client.post(
        f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/",
        article_form(
            body,
            references=references,
            authors=[PersonFactory()],
            reviewer=PersonFactory(),
        ),
    )


def test_references_render_as_a_numbered_list_that_benefits_point_at(client, clinic):
    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        body=[
            (
                "benefits",
                {
                    "heading": "How can it help me?",
                    "intro": "It may:",
                    "items": [{"text": "Ease pain", "reference": 2}, "Help you sleep"],
                },
            )
        ],
        references=[
            ("reference", {"citation": "First source.", "url": "https://example.org/a"}),
            ("reference", {"citation": "Second source.", "doi": "10.1000/xyz123"}),
        ],
    )
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    items = page.select(".references ol li")
    assert [li["id"] for li in items] == ["reference-1", "reference-2"]
    assert items[1].find("a")["href"] == "https://doi.org/10.1000/xyz123"
    mark = page.select_one(".benefits li sup a")
    assert mark["href"] == "#reference-2"
    # The references come after the body, at the end of the article.
    sections = page.select(".article-section, .references")
    assert "references" in sections[-1]["class"]


def test_article_without_references_has_no_empty_heading(client, clinic):
    article = ArticlePageFactory(parent=clinic.learning_centre, references=[])
    assert b"References" not in client.get(article.url).content


def test_valid_reference_with_doi_url_is_saved_as_a_plain_doi(admin_client, clinic):
    response = add_article(
        admin_client,
        clinic,
        [benefits([{"text": "Less pain", "reference": "1"}])],
        [reference("A trial.", doi="https://doi.org/10.1136/bjsports-2020-102955")],
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="knee-pain")
    assert article.references[0].value["doi"] == "10.1136/bjsports-2020-102955"


def test_malformed_doi_is_refused_with_an_example(admin_client, clinic):
    response = add_article(
        admin_client, clinic, [section("What is it?")], [reference("A trial.", doi="not-a-doi")]
    )
    assert response.status_code == 200
    assert b"This is not a DOI" in response.content
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()


def test_malformed_url_is_refused(admin_client, clinic):
    response = add_article(
        admin_client, clinic, [section("What is it?")], [reference("A trial.", url="htp:/broken")]
    )
    assert response.status_code == 200
    assert b"Enter a valid URL" in response.content
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()


def test_benefit_pointing_at_a_missing_reference_is_refused(admin_client, clinic):
    response = add_article(
        admin_client,
        clinic,
        [benefits([{"text": "Less pain", "reference": "3"}])],
        [reference("Only one source.")],
    )
    assert response.status_code == 200
    assert b"points at reference 3" in response.content
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()
