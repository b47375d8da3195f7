"""`load_demo_content` builds the demo clinic once, however often it runs."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from clinic_site.models import HomePage
from learning.models import ArticlePage, Disclaimer, LearningCentreSettings


def load_demo_content():
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.count(),
        "disclaimers": Disclaimer.objects.count(),
        "images": get_image_model().objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.fixture
def demo(db):
    output = load_demo_content()
    return output


def test_running_twice_duplicates_nothing(demo):
    first = counts()
    load_demo_content()
    assert counts() == first
    assert first["articles"] >= 3
    assert first["disclaimers"] == 2


def test_demo_replaces_wagtails_welcome_page_with_the_clinic_home(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_prints_a_working_admin_login(demo, client):
    assert "username “admin”" in demo
    password = demo.split("password “")[1].split("”")[0]
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200


def test_therapeutic_exercise_follows_the_seed_page(demo, client):
    article = ArticlePage.objects.get(slug="therapeutic-exercise")
    assert [block.block_type for block in article.body] == [
        "section",
        "section",
        "benefits",
        "risks",
    ]
    response = client.get(article.url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(".heading-image img")["alt"]
    assert len(page.select(".benefits ol li")) == 6
    assert page.select_one(".disclaimer--top .disclaimer__terms a")
    assert "Please note" in page.select_one(".disclaimer--closing").get_text()
    terms_url = page.select_one(".disclaimer--top .disclaimer__terms a")["href"]
    assert client.get(terms_url).status_code == 200


def test_every_demo_article_has_the_same_shape(demo):
    learning_settings = LearningCentreSettings.objects.get()
    for article in ArticlePage.objects.live():
        kinds = {block.block_type for block in article.body}
        assert {"section", "benefits", "risks"} <= kinds, article.title
        top, closing = article.disclaimers(learning_settings)
        assert top is not None and closing is not None, article.title
        assert article.heading_image and article.heading_image_alt


def test_demo_pages_all_serve(demo, client):
    for page in Page.objects.live().filter(depth__gt=1):
        assert client.get(page.url).status_code == 200, page.url


def test_demo_has_a_login_per_role_and_the_reviewer_sees_due_articles(demo, client):
    password = demo.split("password “")[1].split("”")[0]
    for username, role in [("sam", "Physiotherapists"), ("jo", "Clinical reviewers")]:
        assert f"{role}: username “{username}”" in demo
    assert client.login(username="jo", password=password)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    # Jo reviews every demo article; one falls due within 60 days, one is overdue.
    assert b"Therapeutic exercise" in dashboard.content
    assert b"Heat and ice" in dashboard.content
    assert b"Manual therapy" not in dashboard.content
