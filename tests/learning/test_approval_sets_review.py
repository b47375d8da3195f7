"""The clinical reviewer's approval is the review: it records today's date and the
reviewer, in the revision that is published; writers do not type the date."""

import datetime

from bs4 import BeautifulSoup

from wagtail.models import WorkflowState

from learning.models import ArticlePage
from tests.factories import PersonFactory
from tests.helpers.admin_forms import article_form, benefits, section, workflow_action

TODAY = datetime.date(2026, 3, 12)


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def article(physio, action=None, reviewer=None, last_reviewed=""):
    return article_form(
        [section("What is it?"), benefits(["Less pain"])],
        action=action,
        authors=[physio.person],
        reviewer=reviewer,
        last_reviewed=last_reviewed,
    )


def submit(clinic, physio, **fields):
    physio.post(
        f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/",
        article(physio, **fields),
    )
    draft = ArticlePage.objects.get(slug="knee-pain")
    response = physio.post(edit_url(draft), article(physio, action="action-submit", **fields))
    assert response.status_code == 302
    return draft


def approve(reviewing, draft, physio, **fields):
    form = workflow_action(article(physio, **fields), "approve")
    response = reviewing.post(edit_url(draft), form)
    assert response.status_code == 302
    return ArticlePage.objects.get(pk=draft.pk)


def review_dates(client, article):
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    return " ".join(page.select_one(".review-dates").get_text(" ").split())


def test_approval_records_today_and_the_reviewer(clinic, physio, reviewer, client, frozen_today):
    with frozen_today(TODAY):
        draft = submit(clinic, physio)
        assert draft.get_latest_revision_as_object().last_reviewed is None
        live = approve(reviewer, draft, physio)

    assert live.live
    assert live.last_reviewed == TODAY
    assert live.clinical_reviewer == reviewer.person
    assert live.next_review_due == datetime.date(2029, 3, 12)  # the 3-year interval
    # The approved revision is the one published, and it holds the review.
    task_state = WorkflowState.objects.for_instance(live).get().current_task_state
    assert task_state.revision == live.live_revision
    approved = task_state.revision.as_object()
    assert (approved.last_reviewed, approved.clinical_reviewer) == (TODAY, reviewer.person)
    dates = review_dates(client, live)
    assert "Page last reviewed: 12 March 2026 by Jo Lindqvist, PT, DPT" in dates
    assert "Next review due: 12 March 2029" in dates


def test_a_reviewer_chosen_by_the_writer_is_kept(clinic, physio, reviewer, client, frozen_today):
    chosen = PersonFactory(name="Alex Chosen")
    with frozen_today(TODAY):
        draft = submit(clinic, physio, reviewer=chosen)
        live = approve(reviewer, draft, physio, reviewer=chosen)

    assert (live.last_reviewed, live.clinical_reviewer) == (TODAY, chosen)
    assert "by Alex Chosen" in review_dates(client, live)


def test_a_new_review_moves_the_next_review_on(clinic, physio, reviewer, frozen_today):
    with frozen_today(TODAY):
        live = approve(reviewer, submit(clinic, physio), physio)
    later = TODAY + datetime.timedelta(days=10)  # within the admin session's life
    with frozen_today(later):
        response = physio.post(edit_url(live), article(physio, action="action-submit"))
        assert response.status_code == 302
        again = approve(reviewer, live, physio)

    assert again.last_reviewed == later
    # The old date was only the first review's default: it moves with the new review.
    assert again.next_review_due == datetime.date(2029, 3, 22)


def test_the_writer_cannot_type_the_review_date(clinic, physio):
    draft = submit(clinic, physio, last_reviewed="2020-01-01")

    assert draft.get_latest_revision_as_object().last_reviewed is None
    field = BeautifulSoup(physio.get(edit_url(draft)).content, "html.parser").find(
        "input", attrs={"name": "last_reviewed"}
    )
    assert field.has_attr("disabled")


def test_a_reviewer_publishing_directly_keeps_a_valid_date(clinic, physio, reviewer):
    """A reviewer correcting a typo keeps the review date; a date they type must be valid."""
    draft = submit(clinic, physio)
    live = approve(reviewer, draft, physio)
    reviewed = str(live.last_reviewed)

    fix = reviewer.post(
        edit_url(live),
        article(physio, action="action-publish", reviewer=reviewer.person, last_reviewed=reviewed),
    )
    assert fix.status_code == 302
    live.refresh_from_db()
    assert str(live.last_reviewed) == reviewed

    future = str(live.last_reviewed + datetime.timedelta(days=5))
    refused = reviewer.post(
        edit_url(live),
        article(physio, action="action-publish", reviewer=reviewer.person, last_reviewed=future),
    )
    assert refused.status_code == 200
    assert b"The last review cannot be in the future." in refused.content
