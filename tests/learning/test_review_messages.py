"""A review says what happened: the reviewer's messages after "Request changes" and
"Approve and Publish", the writer's e-mail and the comment at the top of their editor,
and "Clinical review" where Wagtail says "moderation"."""

import importlib

from bs4 import BeautifulSoup

from clinic_site.settings import dev as dev_settings
from learning.models import ArticlePage
from tests.helpers.admin_forms import article_form, benefits, section, workflow_action

COMMENT = "Please explain the risks of exercise after surgery."


def article(people, action=None, **fields):
    return article_form(
        [section("What is it?"), benefits(["Less pain"])], action=action, **people, **fields
    )


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def write_and_submit(clinic, physio, people):
    physio.post(
        f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/", article(people)
    )
    draft = ArticlePage.objects.get(slug="knee-pain")
    response = physio.post(edit_url(draft), article(people, action="action-submit"), follow=True)
    assert response.status_code == 200
    return draft, response


def request_changes(reviewer, page, people, comment=COMMENT):
    return reviewer.post(
        edit_url(page), workflow_action(article(people), "reject", comment=comment), follow=True
    )


def admin_messages(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(li.get_text().split()) for li in soup.select(".messages li")]


def visible_text(response):
    soup = BeautifulSoup(response.content, "html.parser")
    for hidden in soup(["script", "template", "style"]):
        hidden.decompose()
    return " ".join(soup.get_text().split())


def test_request_changes_tells_the_reviewer_who_it_went_back_to(clinic, physio, reviewer, people):
    submitted, _ = write_and_submit(clinic, physio, people)

    response = request_changes(reviewer, submitted, people)

    assert admin_messages(response) == ["Sent back to Sam Okafor with your comment"]


def test_approve_says_published_with_a_link_to_the_live_page(clinic, physio, reviewer, people):
    submitted, _ = write_and_submit(clinic, physio, people)

    response = reviewer.post(
        edit_url(submitted), workflow_action(article(people), "approve"), follow=True
    )

    live = ArticlePage.objects.get(pk=submitted.pk)
    assert live.live
    assert [m.split(" View live")[0] for m in admin_messages(response)] == ["Published: Knee pain"]
    links = BeautifulSoup(response.content, "html.parser").select(".messages li a")
    assert {a["href"] for a in links} == {live.url}


def test_submitting_says_clinical_review(clinic, physio, people):
    _, response = write_and_submit(clinic, physio, people)

    messages = admin_messages(response)
    assert "Submitted to Clinical review: Knee pain" in messages
    assert not [message for message in messages if "moderation" in message]


def test_the_writer_is_emailed_changes_requested_with_the_comment(
    clinic, physio, reviewer, people, mailoutbox
):
    submitted, _ = write_and_submit(clinic, physio, people)
    mailoutbox.clear()

    request_changes(reviewer, submitted, people)

    [email] = mailoutbox
    assert email.to == [physio.user.email]
    assert email.subject.startswith("Changes requested")
    assert "rejected" not in email.subject.lower()
    assert "Jo Lindqvist has asked for changes" in email.body
    assert COMMENT in email.body
    assert f"http://testserver/admin/pages/{submitted.pk}/edit/" in email.body
    assert "rejected" not in email.body.lower()


def test_the_reviewers_email_says_clinical_review(clinic, physio, reviewer, people, mailoutbox):
    write_and_submit(clinic, physio, people)

    [email] = mailoutbox
    assert email.to == [reviewer.user.email]
    assert "Clinical review" in email.subject
    assert "moderation" not in (email.subject + email.body).lower()


def banner(response):
    return BeautifulSoup(response.content, "html.parser").select_one("#changes-requested")


def test_the_comment_is_at_the_top_of_the_writers_editor_until_they_resubmit(
    clinic, physio, reviewer, people
):
    submitted, _ = write_and_submit(clinic, physio, people)
    assert banner(physio.get(edit_url(submitted))) is None
    request_changes(reviewer, submitted, people)

    shown = banner(physio.get(edit_url(submitted)))
    assert shown is not None
    assert "Changes requested by Jo Lindqvist" in shown.get_text(" ")
    assert COMMENT in shown.get_text(" ")
    # Saving a draft keeps it; resubmitting removes it.
    physio.post(edit_url(submitted), article(people, title="Knee pain and its risks"))
    assert banner(physio.get(edit_url(submitted))) is not None
    physio.post(
        edit_url(submitted),
        article(people, action="action-submit", title="Knee pain and its risks"),
    )
    assert banner(physio.get(edit_url(submitted))) is None
    assert banner(reviewer.get(edit_url(submitted))) is None


def test_the_edit_views_say_clinical_review_not_moderation(clinic, physio, reviewer, people):
    submitted, _ = write_and_submit(clinic, physio, people)

    in_review = reviewer.get(edit_url(submitted))
    assert "In Clinical review" in visible_text(in_review)
    assert "moderation" not in visible_text(in_review).lower()

    request_changes(reviewer, submitted, people)
    sent_back = physio.get(edit_url(submitted))
    assert "Changes requested in Clinical review" in visible_text(sent_back)
    assert "moderation" not in visible_text(sent_back).lower()


def test_dev_admin_links_follow_the_port_make_run_chose(monkeypatch):
    """make run passes PORT and WAGTAILADMIN_BASE_URL; dev settings read them."""

    def base_url(**env):
        for name in ("WAGTAILADMIN_BASE_URL", "PORT"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return importlib.reload(dev_settings).WAGTAILADMIN_BASE_URL

    assert base_url() == "http://127.0.0.1:8000"
    assert base_url(PORT="8080") == "http://127.0.0.1:8080"
    assert base_url(PORT="8080", WAGTAILADMIN_BASE_URL="https://admin.example") == (
        "https://admin.example"
    )


def test_the_writer_and_the_page_listing_say_clinical_review_too(clinic, physio, reviewer, people):
    submitted, _ = write_and_submit(clinic, physio, people)

    locked = visible_text(physio.get(edit_url(submitted)))
    assert "This page is waiting for Clinical review" in locked
    assert "moderation" not in locked.lower()

    listing = visible_text(physio.get(f"/admin/pages/{clinic.learning_centre.pk}/"))
    assert "in Clinical review" in listing
    assert "moderation" not in listing.lower()
