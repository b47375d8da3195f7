"""`load_demo_content` builds the demo clinic once, however often it runs."""

import datetime
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from clinic_site.models import HomePage
from learning.dosage import dosage_errors
from learning.models import (
    ArticlePage,
    Disclaimer,
    ExerciseImage,
    ExerciseLibraryPage,
    ExercisePage,
    ExerciseStep,
    LearningCentreSettings,
    Topic,
)
from learning.reading_level import plain_text, reading_grade
from learning.reviews import ReviewStatus
from programmes.models import Programme, ProgrammeArticle, ProgrammeExercise

PROGRAMME_LINK = re.compile(r"Sample exercise programme: (http://testserver(/p/[\w-]+/))")


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
        "exercises": ExercisePage.objects.count(),
        "steps": ExerciseStep.objects.count(),
        "exercise images": ExerciseImage.objects.count(),
        "topics": Topic.objects.count(),
        "programmes": Programme.objects.count(),
        "programme rows": ProgrammeExercise.objects.count() + ProgrammeArticle.objects.count(),
    }


def programme_link(output):
    """(absolute link, path) of the sample programme printed by the loader."""
    match = PROGRAMME_LINK.search(output)
    assert match, output
    return match.groups()


@pytest.fixture
def demo(db):
    output = load_demo_content()
    return output


def test_running_twice_duplicates_nothing_and_keeps_the_programme_link(demo):
    first = counts()
    again = load_demo_content()
    assert counts() == first
    assert first["articles"] >= 3
    assert first["disclaimers"] == 2
    assert first["exercises"] >= 8
    assert first["programmes"] == 1
    assert programme_link(again) == programme_link(demo)


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
        "section",
        "exercise",
        "exercise",
        "exercise",
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


# The exercise library, the article's exercises and the sample programme


def live_exercises():
    return list(
        ExercisePage.objects.live()
        .select_related("body_region", "clinical_reviewer")
        .prefetch_related(*ExercisePage.prefetches())
    )


def test_the_library_has_exercises_for_the_knee_back_neck_and_shoulder(demo, client):
    library = ExerciseLibraryPage.objects.live().get()
    assert library.url == "/learning-centre/exercises/"
    exercises = live_exercises()
    assert len(exercises) >= 8
    regions = {exercise.body_region.slug for exercise in exercises}
    assert {"knee", "back", "neck", "shoulder"} <= regions
    assert all(exercise.get_parent().specific == library for exercise in exercises)

    page = BeautifulSoup(client.get(library.url).content, "html.parser")
    listed = page.find("main").get_text(" ")
    for exercise in exercises:
        assert exercise.title in listed, exercise.title


def test_every_demo_exercise_is_complete_and_reviewed(demo):
    for exercise in live_exercises():
        # What patients see comes from the live revision: it holds the steps and images.
        live = exercise.live_revision.as_object()
        assert 3 <= len(live.steps.all()) <= 5, exercise.title
        assert 1 <= len(live.images.all()) <= 3, exercise.title
        assert all(image.alt_text.strip() for image in live.images.all()), exercise.title
        assert live.purpose and live.starting_position and live.equipment, exercise.title
        assert dosage_errors(live.dosage) == {}, exercise.title
        assert 2 <= len(live.stop_signs()) <= 3, exercise.title
        assert live.clinical_reviewer is not None, exercise.title
        assert live.last_reviewed < live.next_review_due, exercise.title
        assert live.review_status() == ReviewStatus.CURRENT, exercise.title


def test_every_exercise_has_its_own_drawings(demo):
    images = ExerciseImage.objects.select_related("image")
    drawings = {row.image.file_hash for row in images}
    assert len(drawings) == images.count()
    for row in images:
        assert row.image.file.name.endswith(".png")
        assert row.image.width > row.image.height


def test_exercises_are_written_in_plain_words(demo):
    target = LearningCentreSettings.objects.get().target_reading_grade
    for exercise in live_exercises():
        pieces = [
            exercise.purpose,
            exercise.starting_position,
            *(step.text for step in exercise.steps.all()),
            *exercise.stop_signs(),
        ]
        assert reading_grade(plain_text(pieces)) <= target, exercise.title


def exercise_blocks(article):
    return [block.value for block in article.body if block.block_type == "exercise"]


def test_the_therapeutic_exercise_article_shows_three_exercises(demo, client):
    article = ArticlePage.objects.get(slug="therapeutic-exercise")
    blocks = exercise_blocks(article)
    assert len(blocks) == 3
    exercises = [value.live_exercise() for value in blocks]
    assert all(exercises)
    # One asks for a gentler amount than the exercise's own; the others keep theirs.
    changed = [value for value in blocks if value.dosage() != value.live_exercise().dosage]
    assert len(changed) == 1

    response = client.get(article.url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    shown = [" ".join(h.get_text().split()) for h in page.select(".article-exercise h2")]
    assert shown == [exercise.title for exercise in exercises]
    text = " ".join(page.find("main").get_text(" ").split())
    for line in changed[0].dosage().lines():
        assert line in text


def test_the_article_keeps_the_target_reading_grade_with_its_exercises(demo):
    article = ArticlePage.objects.get(slug="therapeutic-exercise")
    target = LearningCentreSettings.objects.get().target_reading_grade
    assert article.reading_grade is not None and article.reading_grade <= target


def test_the_sample_programme_is_printed_and_opens(demo, client):
    link, path = programme_link(demo)
    programme = Programme.objects.get()
    assert path == programme.get_absolute_url()
    assert programme.is_available()
    assert programme.expires_on == timezone.localdate() + datetime.timedelta(weeks=12)
    rows = programme.live_exercises()
    assert 3 <= len(rows) <= 4
    assert [row.article.slug for row in programme.live_articles()] == ["therapeutic-exercise"]
    assert all(dosage_errors(row.dosage()) == {} for row in rows)

    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    text = BeautifulSoup(response.content, "html.parser").find("main").get_text(" ")
    assert programme.title in text
    for row in rows:
        assert row.exercise.title in text


def test_an_expired_sample_programme_gets_a_new_expiry_and_keeps_its_link(demo, client):
    _, path = programme_link(demo)
    Programme.objects.update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    assert client.get(path).status_code == 410

    again = load_demo_content()
    assert programme_link(again)[1] == path
    assert Programme.objects.get().is_available()
    assert client.get(path).status_code == 200


def test_a_demo_that_predates_the_exercises_gains_them_once(demo, client):
    """A clinic that loaded the demo before exercises existed gets them on the next run."""
    article = ArticlePage.objects.get(slug="therapeutic-exercise")
    kinds = [block.block_type for block in article.body]
    # The article as it was: its sections, benefits and risks, without the exercises.
    article.body = [
        (block.block_type, block.value) for block in article.body if block.block_type != "exercise"
    ]
    del article.body[2]
    article.save_revision().publish()
    ExercisePage.objects.get(slug="pelvic-tilt").delete()

    load_demo_content()
    load_demo_content()
    article.refresh_from_db()
    assert [block.block_type for block in article.body] == kinds
    assert all(value.live_exercise() for value in exercise_blocks(article))
    assert ExercisePage.objects.filter(slug="pelvic-tilt").live().count() == 1
