"""The exercise library at /learning-centre/exercises/: every exercise patients may see,
by part of the body; and how an exercise gets there (Clinical review, like articles)."""

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from django.utils import timezone

from wagtail.models import WorkflowState

from clinic_site import roles
from learning.models import ExerciseLibraryPage, ExercisePage
from tests.factories import ArticlePageFactory, ExercisePageFactory, TopicFactory
from tests.helpers.admin_forms import workflow_action
from tests.helpers.admin_menus import menu_links
from tests.helpers.exercise_forms import exercise_form

LIBRARY = "/learning-centre/exercises/"


def text(element):
    return " ".join(element.get_text(" ").split())


def library(client):
    response = client.get(LIBRARY)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def regions(db):
    return {name: TopicFactory(name=name, slug=name.lower()) for name in ("Knee", "Back", "Neck")}


def test_exercises_are_grouped_by_part_of_the_body(client, exercise_library, regions):
    for title, region in [
        ("Knee bends", "Knee"),
        ("Cat and camel", "Back"),
        ("Straight leg raise", "Knee"),
    ]:
        ExercisePageFactory(parent=exercise_library, title=title, body_region=regions[region])
    soup = library(client)

    assert [text(h) for h in soup.find_all("h1")] == ["Exercises"]
    assert "Exercises our physiotherapists may give you" in text(soup.select_one(".lead"))
    assert "3 exercises for 2 parts of the body" in text(soup)
    sections = soup.select(".exercise-region")
    assert [text(section.h2) for section in sections] == [
        "Back (1 exercise)",
        "Knee (2 exercises)",
    ]
    knee = sections[1]
    assert [text(a) for a in knee.select(".exercise-card h3 a")] == [
        "Knee bends",
        "Straight leg raise",
    ]
    assert knee.select_one(".exercise-card h3 a")["href"] == (
        ExercisePage.objects.get(title="Knee bends").url
    )
    assert "Strengthens the muscles" in text(knee.select_one(".exercise-card"))
    # Jump links to each part of the body, with how many exercises it has.
    jumps = {text(a): a["href"] for a in soup.select(".topic-filter a")}
    assert jumps == {"Back (1)": "#region-back", "Knee (2)": "#region-knee"}
    assert soup.find(id="region-knee") is not None
    assert [a["href"] for a in soup.select(".breadcrumbs a")] == ["/", "/learning-centre/"]


def test_each_card_opens_its_exercise(client, exercise_library, regions):
    ExercisePageFactory(parent=exercise_library, title="Chin tucks", body_region=regions["Neck"])
    href = library(client).select_one(".exercise-card a")["href"]
    response = client.get(href)
    assert response.status_code == 200
    assert b"Chin tucks" in response.content


def test_card_pictures_are_sized_and_wait_until_scrolled_to(client, exercise_library, regions):
    ExercisePageFactory(
        parent=exercise_library,
        body_region=regions["Knee"],
        images=[(ImageFactory(width=800, height=600), "Knee bent")],
    )
    img = library(client).select_one(".exercise-card img")
    assert img["loading"] == "lazy"
    assert img["width"] and img["height"]
    assert img["alt"] == ""  # the card's title says what it is


def test_draft_unpublished_and_private_exercises_are_left_out(client, exercise_library, regions):
    ExercisePageFactory(parent=exercise_library, title="Shown", body_region=regions["Knee"])
    ExercisePageFactory(parent=exercise_library, title="Withdrawn", body_region=regions["Back"])
    ExercisePage.objects.get(title="Withdrawn").unpublish()
    soup = library(client)
    assert [text(a) for a in soup.select(".exercise-card h3 a")] == ["Shown"]
    assert "Back" not in [text(h) for h in soup.select("h2")]


def test_an_empty_library_says_so(client, exercise_library):
    soup = library(client)
    assert "There are no exercises here yet" in text(soup)
    assert soup.select(".exercise-region") == []


def test_the_learning_centre_still_finds_its_articles(client, clinic, exercise_library):
    """The library sits beside the articles; both addresses keep working."""
    article = ArticlePageFactory(parent=clinic.learning_centre, slug="knee-pain")
    assert client.get(article.url).status_code == 200
    assert client.get(LIBRARY).status_code == 200
    assert client.get(f"{LIBRARY}?page=2").status_code == 200


def test_the_library_has_one_place_in_the_tree():
    assert ExerciseLibraryPage.parent_page_types == ["learning.LearningCentreIndexPage"]
    assert ExerciseLibraryPage.subpage_types == ["learning.ExercisePage"]
    assert ExerciseLibraryPage.max_count_per_parent == 1


# How an exercise reaches the library: written, submitted, approved.


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_an_exercise_awaiting_review_is_invisible_until_approved(
    client, exercise_library, physio, reviewer, regions
):
    images = [(ImageFactory(), "Lying on your back, one knee bent")]
    form = exercise_form(regions["Knee"], images, action=None, last_reviewed="")
    response = physio.post(f"/admin/pages/add/learning/exercisepage/{exercise_library.pk}/", form)
    assert response.status_code == 302
    draft = ExercisePage.objects.get(slug="straight-leg-raise")
    submitted = physio.post(
        edit_url(draft),
        exercise_form(regions["Knee"], images, action="action-submit", last_reviewed=""),
    )
    assert submitted.status_code == 302
    draft.refresh_from_db()
    assert draft.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert draft.current_workflow_state.workflow == roles.clinical_review_workflow()

    # Waiting for Clinical review: no page, and not in the library.
    assert client.get(f"{LIBRARY}straight-leg-raise/").status_code == 404
    assert "Straight leg raise" not in text(library(client))

    approve = workflow_action(exercise_form(regions["Knee"], images, last_reviewed=""), "approve")
    assert reviewer.post(edit_url(draft), approve).status_code == 302

    live = ExercisePage.objects.get(pk=draft.pk)
    assert live.live
    # The approval is the clinical review: today's date and the approving clinician.
    assert live.last_reviewed == timezone.localdate()
    assert live.clinical_reviewer == reviewer.person
    assert live.next_review_due > live.last_reviewed
    page = client.get(f"{LIBRARY}straight-leg-raise/")
    assert page.status_code == 200
    assert b"Jo Lindqvist" in page.content
    assert "Straight leg raise" in text(library(client))


# The admin's Learning Centre menu.


@pytest.mark.parametrize("role", [roles.PHYSIOTHERAPISTS, roles.CLINICAL_REVIEWERS])
def test_writers_and_reviewers_find_the_exercises_in_the_menu(exercise_library, sign_in, role):
    user = sign_in(role)
    links = menu_links(user)

    assert links["exercises"] == f"/admin/pages/{exercise_library.pk}/"
    assert links["add-exercise"] == (
        f"/admin/pages/add/learning/exercisepage/{exercise_library.pk}/"
    )
    assert user.get(links["exercises"]).status_code == 200
    assert user.get(links["add-exercise"]).status_code == 200
    # Next to the articles.
    assert list(links).index("exercises") == list(links).index("add-article") + 1


def test_site_staff_get_no_exercise_items(exercise_library, sign_in):
    links = menu_links(sign_in(roles.SITE_STAFF))
    assert "exercises" not in links
    assert "add-exercise" not in links


def test_no_exercise_items_before_the_library_exists(clinic, sign_in):
    links = menu_links(sign_in(roles.PHYSIOTHERAPISTS))
    assert "articles" in links
    assert "exercises" not in links
