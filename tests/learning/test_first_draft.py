"""A physiotherapist's first article: a draft needs only a title; publishing and
submitting still need everything patients read; optional lists start empty."""

import pytest
from bs4 import BeautifulSoup

from clinic_site import roles
from learning.blocks import RisksBlock
from learning.models import ArticlePage
from tests.factories import ArticlePageFactory, PersonFactory
from tests.helpers.admin_forms import editor_form

REQUIRED = "This field is required"


@pytest.fixture
def physio(sign_in):
    return sign_in(roles.PHYSIOTHERAPISTS)


def add_url(clinic):
    return f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/"


def edit_url(article):
    return f"/admin/pages/{article.pk}/edit/"


def save_first_draft(clinic, physio):
    """The physiotherapist opens a new article, types its title and saves a draft."""
    editor = physio.get(add_url(clinic))
    assert editor.status_code == 200
    return physio.post(add_url(clinic), editor_form(editor, title="Knee pain", slug="knee-pain"))


def messages(response, field):
    """The messages the editor shows at a field (a StreamField's come inside its blocks)."""
    error = response.context["form"].errors.as_data()[field][0]
    return str(error.as_json_data() if hasattr(error, "as_json_data") else error.messages)


def author_row(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("input", attrs={"name": "authors-0-person"})


def test_a_first_draft_needs_only_a_title(clinic, physio, client):
    response = save_first_draft(clinic, physio)

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="knee-pain")
    assert article.revisions.count() == 1
    assert article.get_latest_revision_as_object().title == "Knee pain"
    assert not article.live
    assert not ArticlePage.objects.live().exists()
    assert client.get(article.url).status_code == 404

    # Saving again from the editor, still with only a title, works too.
    editor = physio.get(edit_url(article))
    again = physio.post(edit_url(article), editor_form(editor, title="Knee pain: what helps"))
    assert again.status_code == 302
    article.refresh_from_db()
    assert article.revisions.count() == 2
    assert article.get_latest_revision_as_object().title == "Knee pain: what helps"
    assert not article.live


def test_a_new_article_starts_with_the_writer_as_its_author(clinic, physio):
    writer = PersonFactory(name="Sam Okafor", user=physio.user)

    assert author_row(physio.get(add_url(clinic)))["value"] == str(writer.pk)
    assert save_first_draft(clinic, physio).status_code == 302
    draft = ArticlePage.objects.get(slug="knee-pain").get_latest_revision_as_object()
    assert [link.person for link in draft.authors.all()] == [writer]


def test_without_a_linked_person_the_author_list_starts_blank(clinic, physio):
    PersonFactory()  # someone else's
    assert not author_row(physio.get(add_url(clinic))).get("value")


def test_submitting_an_unfinished_article_is_refused_with_what_to_fix(clinic, physio):
    save_first_draft(clinic, physio)
    article = ArticlePage.objects.get(slug="knee-pain")

    editor = physio.get(edit_url(article))
    response = physio.post(edit_url(article), editor_form(editor, action="action-submit"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "could not be saved" in content
    errors = response.context["form"].errors
    assert REQUIRED in messages(response, "summary") and REQUIRED in messages(response, "body")
    assert "Choose the author from the People list" in content
    # Who reviewed it and when is the reviewer's approval's to record, not the writer's.
    assert "clinical_reviewer" not in errors and "last_reviewed" not in errors
    article.refresh_from_db()
    assert article.current_workflow_state is None
    assert not article.live


def test_publishing_an_unfinished_article_is_refused(clinic, sign_in):
    reviewer = sign_in(roles.CLINICAL_REVIEWERS)
    editor = reviewer.get(add_url(clinic))
    response = reviewer.post(
        add_url(clinic),
        editor_form(editor, action="action-publish", title="Knee pain", slug="knee-pain"),
    )

    assert response.status_code == 200
    for field in ("summary", "body", "clinical_reviewer", "last_reviewed"):
        assert REQUIRED in messages(response, field), field
    assert "enter the date a clinician last checked" in messages(response, "last_reviewed")
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()


def test_a_new_risks_section_starts_with_no_precautions():
    assert list(RisksBlock().get_default()["precautions"]) == []
    body = ArticlePage._meta.get_field("body").stream_block
    assert list(body.child_blocks["risks"].get_default()["precautions"]) == []


def test_empty_precautions_and_references_are_not_shown_to_patients(client, clinic):
    risks = {
        "heading": "Are there risks?",
        "text": "<p>Some soreness.</p>",
        "precautions": [{"text": " ", "reference": None}, {"text": "Stop if it hurts"}],
        "talk_to_us": "Talk to us.",
    }
    only_blank = {**risks, "heading": "Other risks", "precautions": [{"text": ""}]}
    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        body=[("risks", risks), ("risks", only_blank)],
        references=[
            ("reference", {"citation": ""}),
            ("reference", {"citation": "Second source."}),
        ],
    )
    page = BeautifulSoup(client.get(article.url).content, "html.parser")

    sections = page.select(".risks")
    assert [li.get_text() for li in sections[0].select("ul li")] == ["Stop if it hurts"]
    assert sections[1].select("li") == [] and "Precautions" not in sections[1].get_text()
    references = page.select(".references ol li")
    assert [(li["id"], li.get_text()) for li in references] == [("reference-2", "Second source.")]
    assert references[0]["value"] == "2"  # keeps its number, which list items point at
