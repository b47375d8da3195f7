"""Deleting a page asks first and leaves a record of who deleted what; physiotherapists
cannot delete a published article; an editor's saved drafts keep every version."""

import pytest
from bs4 import BeautifulSoup

from django.test import Client

from wagtail.models import Page, PageLogEntry, Revision

from clinic_site import roles
from learning.models import ArticlePage
from tests.factories import ArticlePageFactory, PersonFactory
from tests.helpers.admin_forms import article_form, benefits, section


@pytest.fixture
def article(clinic):
    page = ArticlePageFactory(
        parent=clinic.learning_centre, title="Ankle sprains", slug="ankle-sprains"
    )
    page.save_revision().publish()
    return page


def delete_url(page):
    return f"/admin/pages/{page.pk}/delete/"


def test_deleting_a_page_asks_first_then_records_who_deleted_it(article, admin_client):
    confirmation = admin_client.get(delete_url(article))

    assert confirmation.status_code == 200
    soup = BeautifulSoup(confirmation.content, "html.parser")
    assert "Ankle sprains" in soup.find("h1").get_text()
    assert soup.find("form", action=delete_url(article)) is not None
    assert Page.objects.filter(pk=article.pk).exists(), "asking must not delete"
    assert not PageLogEntry.objects.filter(action="wagtail.delete").exists()

    response = admin_client.post(delete_url(article))

    assert response.status_code == 302
    assert not Page.objects.filter(pk=article.pk).exists()
    assert Client().get("/learning-centre/ankle-sprains/").status_code == 404
    entry = PageLogEntry.objects.get(action="wagtail.delete")
    assert entry.page_id == article.pk
    assert entry.label == "Ankle sprains"
    assert entry.user.username == "editor"
    # Staff can read it in the site history report.
    history = admin_client.get("/admin/reports/site-history/?action=wagtail.delete")
    assert b"Ankle sprains" in history.content


def test_a_physiotherapist_cannot_delete_a_published_article(article, sign_in):
    physio = sign_in(roles.PHYSIOTHERAPISTS)
    # Even one they wrote: Wagtail lets page owners delete only unpublished drafts.
    article.owner = physio.user
    article.save()

    asked = physio.get(delete_url(article))
    posted = physio.post(delete_url(article))

    for response in (asked, posted):
        assert response.status_code in (302, 403)
        assert b"Delete" not in response.content
    assert ArticlePage.objects.get(pk=article.pk).live
    assert not PageLogEntry.objects.filter(action="wagtail.delete").exists()


def test_saved_drafts_keep_every_version_and_an_earlier_one_can_be_restored(clinic, sign_in):
    physio = sign_in(roles.PHYSIOTHERAPISTS)
    people = {"authors": [PersonFactory()], "reviewer": PersonFactory()}

    def draft(summary):
        body = [section("What is it?"), benefits(["Less pain"])]
        return article_form(body, action=None, summary=summary, **people)

    physio.post(
        f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/",
        draft("First version of the summary."),
    )
    page = ArticlePage.objects.get(slug="knee-pain")
    edit_url = f"/admin/pages/{page.pk}/edit/"
    assert physio.post(edit_url, draft("Second version of the summary.")).status_code == 302

    first, second = Revision.objects.for_instance(page).order_by("created_at", "pk")
    assert first.content["summary"] == "First version of the summary."
    assert second.content["summary"] == "Second version of the summary."

    # The page's history lists both versions, each with a way back to it.
    history = physio.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200
    revert_url = f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/"
    assert revert_url.encode() in history.content

    # Reverting opens the editor with the earlier version filled in; saving it makes
    # that the newest draft, and the later version stays in the history.
    reverted = physio.get(revert_url)
    assert reverted.status_code == 200
    assert b"First version of the summary." in reverted.content
    assert physio.post(edit_url, draft("First version of the summary.")).status_code == 302
    page.refresh_from_db()
    assert page.latest_revision.content["summary"] == "First version of the summary."
    assert Revision.objects.for_instance(page).count() == 3
