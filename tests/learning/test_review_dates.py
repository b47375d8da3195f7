"""Review dates, authors and reviewer: shown NHS-style, validated in the editor."""

import datetime

from bs4 import BeautifulSoup

from learning.models import ArticlePage
from tests.factories import ArticlePageFactory, PersonFactory
from tests.helpers.admin_forms import article_form, section

ADD_URL = "/admin/pages/add/learning/articlepage/{}/"


def post_article(admin_client, clinic, **kwargs):
    return admin_client.post(
        ADD_URL.format(clinic.learning_centre.pk), article_form([section("What is it?")], **kwargs)
    )


def test_article_shows_review_dates_reviewer_and_authors(client, clinic):
    reviewer = PersonFactory(name="Jo Lindqvist", credentials="PT, DPT")
    author = PersonFactory(name="Sam Okafor", credentials="PT, MSc")
    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        clinical_reviewer=reviewer,
        authors=[author],
        last_reviewed=datetime.date(2026, 3, 12),
        next_review_due=datetime.date(2029, 3, 12),
    )
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    dates = " ".join(page.select_one(".review-dates").get_text(" ").split())
    assert "Page last reviewed: 12 March 2026 by Jo Lindqvist, PT, DPT" in dates
    assert "Next review due: 12 March 2029" in dates
    byline = " ".join(page.select_one(".byline").get_text(" ").split())
    assert "Written by Sam Okafor, PT, MSc." in byline
    assert "Clinically reviewed by Jo Lindqvist, PT, DPT" in byline


def test_next_review_defaults_to_the_clinic_interval(admin_client, clinic):
    clinic.learning_settings.review_interval_years = 2
    clinic.learning_settings.save()
    response = post_article(
        admin_client,
        clinic,
        authors=[PersonFactory()],
        reviewer=PersonFactory(),
        last_reviewed="2026-01-31",
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="knee-pain")
    assert article.next_review_due == datetime.date(2028, 1, 31)


def test_next_review_before_last_review_is_refused(admin_client, clinic):
    response = post_article(
        admin_client,
        clinic,
        authors=[PersonFactory()],
        reviewer=PersonFactory(),
        last_reviewed="2026-01-31",
        next_review_due="2025-06-01",
    )
    assert response.status_code == 200
    assert b"The next review must be after the last review" in response.content
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "next_review_due"})["value"] == "2025-06-01"


def test_sole_author_cannot_review_their_own_article(admin_client, clinic):
    person = PersonFactory(name="Alex Author")
    response = post_article(admin_client, clinic, authors=[person], reviewer=person)
    assert response.status_code == 200
    assert b"Alex Author is the only author" in response.content
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()


def test_author_may_review_with_a_co_author(admin_client, clinic):
    person = PersonFactory()
    response = post_article(
        admin_client, clinic, authors=[person, PersonFactory()], reviewer=person
    )
    assert response.status_code == 302


def test_clinic_may_allow_sole_author_review(admin_client, clinic):
    clinic.learning_settings.reviewer_may_be_sole_author = True
    clinic.learning_settings.save()
    person = PersonFactory()
    response = post_article(admin_client, clinic, authors=[person], reviewer=person)
    assert response.status_code == 302


def test_publishing_needs_an_author_a_reviewer_and_a_review_date(admin_client, clinic):
    response = post_article(admin_client, clinic, last_reviewed="")
    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()
    content = response.content.decode()
    assert content.count("This field is required") >= 2
