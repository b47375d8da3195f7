"""Autosave is off, so nothing is saved that nobody chose to save, and a reviewer goes in
one click from the dashboard to what changed since they last reviewed an article."""

import datetime

from bs4 import BeautifulSoup

from wagtail.models import TaskState

from learning.models import ArticlePage
from tests.helpers.admin_forms import article_form, benefits, section, workflow_action

SINCE_LAST_REVIEW = "What changed since your last review"


def article(people, action=None, text="<p>Some text.</p>", **fields):
    # Due for review within the dashboard's 60 days once approved.
    fields.setdefault("next_review_due", str(datetime.date.today() + datetime.timedelta(days=30)))
    return article_form(
        [section("What is it?", text), benefits(["Less pain"])], action=action, **people, **fields
    )


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def editor_form(response):
    form = BeautifulSoup(response.content, "html.parser").select_one("form[data-edit-form]")
    assert form is not None
    return form


def test_the_editors_do_not_autosave(clinic, physio, people):
    add = physio.get(f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/")
    physio.post(
        f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/", article(people)
    )
    edit = physio.get(edit_url(ArticlePage.objects.get(slug="knee-pain")))

    for response in (add, edit):
        form = editor_form(response)
        assert "w-autosave" not in form["data-controller"].split()
        assert not form.has_attr("data-w-autosave-interval-value")
        # Wagtail's warning for unsaved edits takes the place of "Autosave is paused".
        warning = BeautifulSoup(response.content, "html.parser").select_one(
            "[data-controller=w-messages].footer__container"
        )
        assert "unsaved edits" in warning.decode()
        assert "Autosave is" not in warning.decode()


def since_last_review_link(client, panel_id):
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = soup.select_one(f"#{panel_id}-section")
    assert panel is not None
    return panel.find("a", string=SINCE_LAST_REVIEW)


def test_the_resubmitted_article_links_to_what_changed_since_the_request(
    clinic, physio, reviewer, people
):
    physio.post(
        f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/", article(people)
    )
    page = ArticlePage.objects.get(slug="knee-pain")
    physio.post(edit_url(page), article(people, action="action-submit"))
    assert since_last_review_link(reviewer, "awaiting-review") is None  # not reviewed yet
    reviewed = page.revisions.order_by("-pk").first()
    reviewer.post(
        edit_url(page), workflow_action(article(people), "reject", comment="Add the risks.")
    )
    changed = article(people, action="action-submit", text="<p>Risks: soreness for a day.</p>")
    physio.post(edit_url(page), changed)
    latest = page.revisions.order_by("-pk").first()

    link = since_last_review_link(reviewer, "awaiting-review")
    assert link["href"] == f"/admin/pages/{page.pk}/revisions/compare/{reviewed.pk}...{latest.pk}/"
    compare = reviewer.get(link["href"])
    assert compare.status_code == 200
    assert b"soreness for a day" in compare.content


def test_the_reviews_due_panel_links_to_changes_since_the_approval(
    clinic, physio, reviewer, people
):
    physio.post(
        f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/", article(people)
    )
    page = ArticlePage.objects.get(slug="knee-pain")
    physio.post(edit_url(page), article(people, action="action-submit"))
    reviewer.post(edit_url(page), workflow_action(article(people), "approve"))
    approved = TaskState.objects.get(finished_by=reviewer.user, status="approved").revision
    assert since_last_review_link(reviewer, "reviews-due") is None  # nothing changed yet

    physio.post(edit_url(page), article(people, text="<p>Now with a new paragraph.</p>"))
    latest = page.revisions.order_by("-pk").first()

    link = since_last_review_link(reviewer, "reviews-due")
    assert link["href"] == f"/admin/pages/{page.pk}/revisions/compare/{approved.pk}...{latest.pk}/"
    compare = reviewer.get(link["href"])
    assert compare.status_code == 200
    assert b"Now with a new paragraph." in compare.content
