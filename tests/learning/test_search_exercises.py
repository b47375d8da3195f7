"""Patients who search for an exercise find the exercise itself, above the articles."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import ArticlePageFactory, ExercisePageFactory


@pytest.fixture
def knee_exercise(exercise_library):
    return ExercisePageFactory(
        parent=exercise_library,
        title="Seated knee straightening",
        purpose="Makes the muscles at the front of your thigh stronger.",
    )


def exercise_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.find(id="exercise-results-heading")
    if section is None:
        return []
    return [a.get_text(strip=True) for a in section.find_parent("section").select("h3 a")]


def test_a_search_lists_matching_exercises_above_the_articles(client, clinic, knee_exercise):
    ArticlePageFactory(parent=clinic.learning_centre, title="Knee pain")
    response = client.get("/search/", {"q": "knee"})
    assert exercise_titles(response) == ["Seated knee straightening"]
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [h.get_text(strip=True) for h in soup.select("main h2")]
    assert headings.index("Exercises") < headings.index("1 article found")
    assert "Makes the muscles at the front of your thigh stronger." in soup.get_text()


def test_an_exercise_alone_is_not_a_dead_end(client, clinic, knee_exercise):
    # No article matches; the exercise does, so the page offers it, not "nothing found".
    response = client.get("/search/", {"q": "straightening"})
    assert exercise_titles(response) == ["Seated knee straightening"]
    assert b"No articles matched" not in response.content


def test_unpublished_exercises_are_never_found(client, clinic, knee_exercise):
    knee_exercise.unpublish()
    assert exercise_titles(client.get("/search/", {"q": "knee"})) == []
