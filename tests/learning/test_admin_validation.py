"""Editors' mistakes are refused with a message that says what to fix, and nothing is lost."""

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from learning.models import ArticlePage, Disclaimer
from tests.factories import ArticlePageFactory, PersonFactory
from tests.helpers.admin_forms import article_form, benefits, section


def add_article_url(clinic):
    return f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/"


def form_value(response, name):
    field = BeautifulSoup(response.content, "html.parser").find(attrs={"name": name})
    return field.get("value") if field.name == "input" else field.get_text().strip()


def test_a_valid_article_publishes(admin_client, clinic):
    author, reviewer = PersonFactory(), PersonFactory()
    response = admin_client.post(
        add_article_url(clinic),
        article_form(
            [section("What is it?"), benefits(["Less pain"])], authors=[author], reviewer=reviewer
        ),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="knee-pain")
    assert article.live
    assert [item["text"] for item in article.body[1].value["items"]] == ["Less pain"]
    assert [link.person for link in article.authors.all()] == [author]
    assert article.clinical_reviewer == reviewer


def test_benefits_list_without_items_is_refused(admin_client, clinic):
    response = admin_client.post(add_article_url(clinic), article_form([benefits([])]))
    assert response.status_code == 200
    assert b"Add at least one benefit" in response.content
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()
    # What the editor typed is still in the form.
    assert form_value(response, "title") == "Knee pain"
    assert form_value(response, "summary") == "How physiotherapy helps knee pain."


def test_section_with_empty_heading_is_refused(admin_client, clinic):
    response = admin_client.post(add_article_url(clinic), article_form([section("")]))
    assert response.status_code == 200
    assert b"This field is required" in response.content
    assert b"The page could not be created due to validation errors" in response.content
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()


def test_heading_image_without_alt_text_is_refused_even_as_draft(admin_client, clinic):
    image = ImageFactory()
    response = admin_client.post(
        add_article_url(clinic),
        article_form([section("What is it?")], action=None, heading_image=str(image.pk)),
    )
    assert response.status_code == 200
    assert b"Describe the heading image" in response.content
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()


def test_a_draft_may_be_unfinished_but_cannot_be_published(admin_client, clinic):
    """Like Wagtail's own required fields: save work in progress, publish only when whole."""
    draft = admin_client.post(add_article_url(clinic), article_form([benefits([])], action=None))
    assert draft.status_code == 302
    article = ArticlePage.objects.get(slug="knee-pain")
    assert not article.live

    edit_url = f"/admin/pages/{article.pk}/edit/"
    publish = admin_client.post(edit_url, article_form([benefits([])]))
    assert publish.status_code == 200
    assert b"Add at least one benefit" in publish.content
    article.refresh_from_db()
    assert not article.live


def test_refused_edit_leaves_the_live_article_unchanged(admin_client, client, clinic):
    article = ArticlePageFactory(parent=clinic.learning_centre, slug="knee-pain")
    live_title = article.title
    response = admin_client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form([benefits([])], title="A new title", slug="knee-pain"),
    )
    assert response.status_code == 200
    assert form_value(response, "title") == "A new title"
    article.refresh_from_db()
    assert article.title == live_title
    assert live_title.encode() in client.get(article.url).content


@pytest.mark.parametrize("text", ["", "<p></p>", "<p>   </p>"])
def test_empty_disclaimer_is_refused(admin_client, clinic, text):
    from wagtail.test.utils.form_data import rich_text

    count = Disclaimer.objects.count()
    response = admin_client.post(
        "/admin/snippets/learning/disclaimer/add/",
        {
            "name": "Empty one",
            "kind": "medical_advice",
            "heading": "",
            "text": rich_text(text),
            "links_to_terms": "on",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert b"Write the disclaimer text patients will read" in response.content
    assert Disclaimer.objects.count() == count
    assert form_value(response, "name") == "Empty one"


def test_disclaimer_edit_is_a_revision_until_published(admin_client, client, clinic):
    from wagtail.test.utils.form_data import rich_text

    disclaimer = clinic.medical_disclaimer
    article = ArticlePageFactory(parent=clinic.learning_centre)
    response = admin_client.post(
        f"/admin/snippets/learning/disclaimer/edit/{disclaimer.pk}/",
        {
            "name": disclaimer.name,
            "kind": disclaimer.kind,
            "heading": "",
            "text": rich_text("<p>Brand new wording.</p>"),
            "links_to_terms": "on",
        },
    )
    assert response.status_code == 302
    # Saved as a draft: patients still read the published wording.
    assert b"Brand new wording" not in client.get(article.url).content
    assert disclaimer.revisions.count() >= 1

    admin_client.post(
        f"/admin/snippets/learning/disclaimer/edit/{disclaimer.pk}/",
        {
            "name": disclaimer.name,
            "kind": disclaimer.kind,
            "heading": "",
            "text": rich_text("<p>Brand new wording.</p>"),
            "links_to_terms": "on",
            "action-publish": "action-publish",
        },
    )
    assert b"Brand new wording" in client.get(article.url).content


def test_legal_page_last_updated_cannot_be_in_the_future(admin_client, clinic):
    from wagtail.test.utils.form_data import rich_text

    response = admin_client.post(
        f"/admin/pages/{clinic.terms.pk}/edit/",
        {
            "title": clinic.terms.title,
            "slug": clinic.terms.slug,
            "last_updated": "2999-01-01",
            "body": rich_text("<p>New terms.</p>"),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    assert b"cannot be in the future" in response.content
