"""An article reaches patients only through clinical review: draft → submitted →
approved → live. Legal pages go through the site staff's approval instead."""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import PageLogEntry, WorkflowState

from clinic_site import roles
from clinic_site.models import LegalPage
from learning.models import ArticlePage
from tests.factories import PersonFactory
from tests.helpers.admin_forms import (
    article_form,
    benefits,
    learning_settings_form,
    legal_page_form,
    section,
    workflow_action,
)

EASY_TEXT = "<p>We help you move. It is safe. You can walk more.</p>"
HARD_TEXT = (
    "<p>Comprehensive neuromusculoskeletal rehabilitation necessitates individualised "
    "biopsychosocial interventions incorporating multidisciplinary collaborative "
    "methodologies and proprioceptive neuromuscular facilitation.</p>"
)
READING_WARNING = "above the target of"


@pytest.fixture
def physio(sign_in):
    return sign_in(roles.PHYSIOTHERAPISTS)


@pytest.fixture
def reviewer(sign_in):
    return sign_in(roles.CLINICAL_REVIEWERS)


@pytest.fixture
def people(db):
    return {"authors": [PersonFactory()], "reviewer": PersonFactory()}


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def article(people, text="<p>Some text.</p>", action=None, **fields):
    """The article editor's form: one section with the given text, one benefit."""
    return article_form(
        [section("What is it?", text), benefits(["Less pain"])], action=action, **people, **fields
    )


def write_and_submit(clinic, physio, people, **fields):
    """The physiotherapist saves a draft, then submits it for review."""
    physio.post(
        f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/",
        article(people, **fields),
    )
    draft = ArticlePage.objects.get(slug="knee-pain")
    response = physio.post(edit_url(draft), article(people, action="action-submit", **fields))
    assert response.status_code == 302
    return draft


def workflow_buttons(response):
    """{label: workflow action name} of the workflow buttons in the editor's action menu."""
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        " ".join(button.get_text().split()): button["data-workflow-action-name"]
        for button in soup.select("button[data-workflow-action-name]")
    }


def test_an_article_goes_live_only_through_clinical_review(
    clinic, physio, reviewer, people, client, mailoutbox
):
    # Draft: saved, not live, not in review.
    physio.post(
        f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/", article(people)
    )
    draft = ArticlePage.objects.get(slug="knee-pain")
    assert not draft.live
    assert draft.current_workflow_state is None
    assert client.get(draft.url).status_code == 404

    # Submitted: in clinical review, still not live; the reviewer is emailed.
    response = physio.post(edit_url(draft), article(people, action="action-submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    state = draft.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == roles.clinical_review_workflow()
    assert state.requested_by == physio.user
    assert not draft.live
    assert client.get(draft.url).status_code == 404
    assert [message.to for message in mailoutbox] == [[reviewer.user.email]]
    assert "Knee pain" in mailoutbox[0].subject

    # Approved by the reviewer: published.
    editor = reviewer.get(edit_url(draft))
    assert editor.status_code == 200
    assert workflow_buttons(editor)["Approve and Publish"] == "approve"
    response = reviewer.post(edit_url(draft), workflow_action(article(people), "approve"))
    assert response.status_code == 302

    live = ArticlePage.objects.get(pk=draft.pk)
    assert live.live
    assert live.current_workflow_state is None
    assert WorkflowState.objects.for_instance(live).get().status == WorkflowState.STATUS_APPROVED
    # The page history records who approved it.
    approval = PageLogEntry.objects.get(page=live, action="wagtail.workflow.approve")
    assert approval.user == reviewer.user
    page = client.get(live.url)
    assert page.status_code == 200
    assert b"Knee pain" in page.content


def test_an_article_in_review_is_locked_for_its_writer(clinic, physio, people):
    submitted = write_and_submit(clinic, physio, people)

    response = physio.post(edit_url(submitted), article(people, title="Changed in review"))
    assert response.status_code == 200
    assert b"could not be saved" in response.content
    submitted.refresh_from_db()
    assert submitted.get_latest_revision_as_object().title == "Knee pain"
    assert submitted.workflow_in_progress


def test_a_physiotherapist_cannot_approve(clinic, physio, people, client):
    submitted = write_and_submit(clinic, physio, people)

    editor = physio.get(edit_url(submitted))
    assert editor.status_code == 200
    assert "approve" not in workflow_buttons(editor).values()
    physio.post(edit_url(submitted), workflow_action(article(people), "approve"))

    submitted.refresh_from_db()
    assert not submitted.live
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(submitted.url).status_code == 404


def test_reviewer_requests_changes_and_the_resubmitted_article_goes_live(
    clinic, physio, reviewer, people, client, mailoutbox
):
    submitted = write_and_submit(clinic, physio, people)
    mailoutbox.clear()

    response = reviewer.post(
        edit_url(submitted),
        workflow_action(article(people), "reject", comment="Please explain the risks."),
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert not submitted.live
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [message.to for message in mailoutbox] == [[physio.user.email]]

    # The writer may edit again, and resubmits.
    response = physio.post(
        edit_url(submitted),
        article(people, action="action-submit", title="Knee pain and its risks"),
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert not submitted.live
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    reviewer.post(
        edit_url(submitted),
        workflow_action(article(people, title="Knee pain and its risks"), "approve"),
    )
    submitted.refresh_from_db()
    assert submitted.live
    assert submitted.title == "Knee pain and its risks"
    assert b"Knee pain and its risks" in client.get(submitted.url).content


def test_reviewer_is_warned_before_approving_a_hard_to_read_article(
    clinic, physio, reviewer, people
):
    submitted = write_and_submit(clinic, physio, people, text=HARD_TEXT)
    grade = submitted.get_latest_revision_as_object().compute_reading_grade()
    assert grade > clinic.learning_settings.target_reading_grade

    buttons = workflow_buttons(reviewer.get(edit_url(submitted)))
    approve = [label for label, name in buttons.items() if name == "approve"]
    assert approve == [
        f"Approve (reading grade {grade}, {READING_WARNING} 8.0) and Publish",
        f"Approve with comment (reading grade {grade}, {READING_WARNING} 8.0) and Publish",
    ]
    assert buttons["Request changes"] == "reject"


def test_reviewer_sees_no_warning_for_an_easy_article(clinic, physio, reviewer, people):
    submitted = write_and_submit(clinic, physio, people, text=EASY_TEXT)

    editor = reviewer.get(edit_url(submitted))
    assert set(workflow_buttons(editor)) == {
        "Request changes",
        "Approve and Publish",
        "Approve with comment and Publish",
    }
    assert READING_WARNING.encode() not in editor.content


def test_the_warning_follows_the_target_staff_set(clinic, physio, reviewer, people, sign_in):
    submitted = write_and_submit(clinic, physio, people, text=HARD_TEXT)
    assert READING_WARNING.encode() in reviewer.get(edit_url(submitted)).content

    staff = sign_in(roles.SITE_STAFF)
    response = staff.post(
        f"/admin/settings/learning/learningcentresettings/{clinic.site.pk}/",
        learning_settings_form(clinic.learning_settings, target_reading_grade="40.0"),
    )
    assert response.status_code == 302
    assert READING_WARNING.encode() not in reviewer.get(edit_url(submitted)).content


def test_legal_pages_go_through_staff_approval(clinic, sign_in, admin_client, client):
    """An edit to the terms submitted for moderation waits for site staff, not reviewers."""
    response = admin_client.post(
        edit_url(clinic.terms),
        legal_page_form(clinic.terms, action="action-submit", body="<p>Proposed terms.</p>"),
    )
    assert response.status_code == 302
    terms = LegalPage.objects.get(pk=clinic.terms.pk)
    assert terms.current_workflow_state.workflow == roles.staff_approval_workflow()
    assert b"Proposed terms." not in client.get(terms.url).content

    reviewer = sign_in(roles.CLINICAL_REVIEWERS)
    assert reviewer.get(edit_url(terms), follow=True).redirect_chain[0] == ("/admin/", 302)

    staff = sign_in(roles.SITE_STAFF)
    editor = staff.get(edit_url(terms))
    assert workflow_buttons(editor)["Approve and Publish"] == "approve"
    response = staff.post(
        edit_url(terms),
        workflow_action(legal_page_form(terms, body="<p>Proposed terms.</p>"), "approve"),
    )
    assert response.status_code == 302
    assert b"Proposed terms." in client.get(terms.url).content


def test_the_only_author_cannot_approve_their_own_article(clinic, physio, reviewer, sign_in):
    own_people = {"authors": [PersonFactory(user=reviewer.user)], "reviewer": PersonFactory()}
    submitted = write_and_submit(clinic, physio, own_people)

    assert workflow_buttons(reviewer.get(edit_url(submitted))) == {}
    response = reviewer.post(edit_url(submitted), workflow_action(article(own_people), "approve"))
    assert response.status_code in (200, 302)
    submitted.refresh_from_db()
    assert not submitted.live

    # Another reviewer can approve it; so can the author when the clinic allows it.
    other_reviewer = sign_in(roles.CLINICAL_REVIEWERS)
    assert "Approve and Publish" in workflow_buttons(other_reviewer.get(edit_url(submitted)))
    clinic.learning_settings.reviewer_may_be_sole_author = True
    clinic.learning_settings.save()
    assert set(workflow_buttons(reviewer.get(edit_url(submitted)))) >= {"Approve and Publish"}
