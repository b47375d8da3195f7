"""One round of clinical review in the admin: changes requested, made, approved.

Sam's article waits in Clinical review. Jo asks for a change with a comment; Sam sees
the comment at the top of the editor and resubmits; Jo approves it, which publishes
it; a patient then reads it with today's review date and Jo as its reviewer.
"""

import re
import uuid

from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.utils import timezone

from clinic_site.roles import clinical_review_workflow
from learning.models import ArticleAuthor, ArticlePage, LearningCentreIndexPage, Person
from tests.factories import article_body
from tests.helpers.admin_browser import (
    choose_from_action_menu,
    expect_success,
    sign_in,
    with_review_workflows,
)

COMMENT = "Please say when to see a doctor instead of waiting for physiotherapy."
APPROVE_AND_PUBLISH = re.compile(r"^Approve( \(.*\))? and Publish$")


def submitted_article(title):
    """A draft article by sam, sent to Clinical review as the admin would send it."""
    sam = get_user_model().objects.get(username="sam")
    article = ArticlePage(
        title=title,
        slug=f"knee-pain-{uuid.uuid4().hex[:8]}",
        summary="Why knees ache at night and what gentle exercise can do about it.",
        body=article_body(benefits=2),
        live=False,
    )
    article.authors = [ArticleAuthor(person=Person.objects.get(user=sam))]
    LearningCentreIndexPage.objects.first().add_child(instance=article)
    article.save_revision(user=sam)
    clinical_review_workflow().start(article, sam)
    return article


def request_changes(page, edit_url, author_name):
    page.goto(edit_url)
    choose_from_action_menu(page, "Request changes")
    modal = page.locator(".modal-content")
    modal.get_by_label("Comment").fill(COMMENT)
    modal.get_by_role("button", name="Request changes").click()
    expect_success(page, f"Sent back to {author_name} with your comment")


def resubmit(page, edit_url, title):
    page.goto(edit_url)
    banner = page.locator("#changes-requested")
    expect(banner).to_contain_text("Changes requested")
    expect(banner).to_contain_text(COMMENT)
    choose_from_action_menu(page, "Resubmit to Clinical review")
    expect_success(page, f"Submitted to Clinical review: {title}")
    expect(page.locator("#changes-requested")).to_have_count(0)


def approve(page, edit_url, title):
    """Approve and publish; the address of the live page that the message links to."""
    page.goto(edit_url)
    choose_from_action_menu(page, APPROVE_AND_PUBLISH)
    message = expect_success(page, f"Published: {title}")
    link = message.get_by_role("link", name=title)
    expect(link).to_be_visible()
    return link.get_attribute("href")


def test_request_changes_then_resubmit_then_approve(demo_site, new_page):
    demo_site = with_review_workflows(demo_site)
    title = f"Knee pain at night {uuid.uuid4().hex[:8]}"
    article = submitted_article(title)
    edit_url = f"{demo_site}/admin/pages/{article.pk}/edit/"
    sam = Person.objects.get(user__username="sam")
    jo = Person.objects.get(user__username="jo")

    request_changes(sign_in(new_page, demo_site, "jo"), edit_url, sam.name)
    resubmit(sign_in(new_page, demo_site, "sam"), edit_url, title)
    live_url = approve(sign_in(new_page, demo_site, "jo"), edit_url, title)

    patient = new_page("desktop")
    patient.goto(live_url if live_url.startswith("http") else demo_site + live_url)
    expect(patient.locator("h1")).to_have_text(title)
    today = timezone.localdate()
    reviewed = patient.locator(".review-dates")
    expect(reviewed).to_contain_text(f"Page last reviewed: {today.day} {today:%B %Y}")
    expect(reviewed).to_contain_text(f"by {jo.name}")
    expect(reviewed.locator("time").first).to_have_attribute("datetime", today.isoformat())

    article.refresh_from_db()
    assert article.live
    assert article.last_reviewed == today
    assert article.clinical_reviewer == jo
