"""A physiotherapist writes their first article in the admin and sends it for review.

Sam signs in, adds an article from the Learning Centre menu, fills in the content
(heading image from the chooser, a benefits list in the body) without touching the
Review tab, saves a draft, then submits it to Clinical review.
"""

import re
import uuid

from playwright.sync_api import expect

from clinic_site.roles import clinical_review_workflow
from learning.models import ArticlePage
from tests.helpers.admin_browser import (
    choose_from_action_menu,
    expect_success,
    sign_in,
    with_review_workflows,
)


def fill_content(page, title):
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("How gentle exercise can help your back after a strain.")
    page.get_by_role("button", name="Choose an image").click()
    modal = page.locator(".modal-content")
    image = modal.locator("a.image-choice").first
    image_title = image.get_attribute("title")
    image.click()
    expect(modal).to_be_hidden()
    expect(page.locator("#panel-child-content-heading_image-section")).to_contain_text(image_title)
    # The demo images carry no description of their own, so the article gives one.
    page.locator("#id_heading_image_alt").fill("A simple drawing that goes with the article")


def add_benefits_list(page):
    body = page.locator("#panel-child-content-body-section")
    body.locator(".c-sf-add-button").first.click()
    page.get_by_role("option", name="Benefits list").click()
    page.locator("#body-0-value-heading").fill("How can exercise help my back?")
    page.locator("#body-0-value-intro").fill("Among other things, it may:")
    items = body.locator("[id^='body-0-value-items-'][id$='-value-text']")
    if items.count() == 0:  # a new list may start empty: add its first item
        body.locator("[data-streamfield-list-add]").first.click()
    expect(items).to_have_count(1)
    items.first.fill("Ease pain and stiffness")
    closing = body.locator("[data-contentpath='closing_text'] [contenteditable='true']")
    closing.click()
    page.keyboard.type("Start slowly and build up.")
    expect(closing).to_contain_text("Start slowly and build up.")
    # Draftail copies its content to the form's hidden input 250 ms after the last
    # change; a save before that loses the last words typed (Wagtail's behaviour).
    stored = body.locator("input[name='body-0-value-closing_text']")
    expect(stored).to_have_value(re.compile("Start slowly and build up"))


def test_a_physiotherapists_first_article(demo_site, new_page, django_user_model):
    title = f"Back pain after a strain {uuid.uuid4().hex[:8]}"
    page = sign_in(new_page, with_review_workflows(demo_site), "sam")
    page.get_by_role("button", name="Learning Centre").click()
    page.get_by_role("link", name="Add article").click()
    expect(page.locator("#id_title")).to_be_visible()
    fill_content(page, title)
    add_benefits_list(page)

    page.get_by_role("button", name="Save draft").click()
    expect_success(page, title)
    expect(page.locator(".error-message, .w-field--error")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))

    choose_from_action_menu(page, "Submit to Clinical review")
    expect_success(page, f"Submitted to Clinical review: {title}")

    article = ArticlePage.objects.get(title=title)
    assert not article.live
    workflow_state = article.current_workflow_state
    assert workflow_state is not None
    assert workflow_state.workflow == clinical_review_workflow()
    assert workflow_state.status == workflow_state.STATUS_IN_PROGRESS
    draft = article.get_latest_revision_as_object()
    [benefits] = draft.body
    assert benefits.block_type == "benefits"
    assert [item["text"] for item in benefits.value["items"]] == ["Ease pain and stiffness"]
    assert "Start slowly and build up." in benefits.value["closing_text"].source
    assert draft.heading_image is not None
    sam = django_user_model.objects.get(username="sam")
    assert [author.person.user for author in article.authors.all()] == [sam]
    assert article.last_reviewed is None
