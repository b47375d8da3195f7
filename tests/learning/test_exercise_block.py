"""An exercise inside an article: the article's writer chooses one from the library and
may change how much and how often; patients see the steps, pictures and that dosage."""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from wagtail.models import PageViewRestriction

from learning.blocks import ExerciseBlock
from learning.models import ArticlePage
from tests.factories import ArticlePageFactory, ExercisePageFactory, PersonFactory
from tests.helpers.admin_forms import article_form, section
from tests.helpers.exercise_forms import exercise_block

NO_CHANGE = {
    "sets": None,
    "repetitions": None,
    "hold_seconds": None,
    "rest_seconds": None,
    "times_per_period": None,
    "period": "",
}


def block(exercise, **override):
    return ("exercise", {"exercise": exercise, **NO_CHANGE, **override})


def text(element):
    return " ".join(element.get_text(" ").split())


def pdf_text(response):
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def read(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def exercise(exercise_library):
    return ExercisePageFactory(
        parent=exercise_library,
        title="Knee bends",
        steps=["Stand behind a chair and hold it.", "Bend your knees a little, then stand up."],
    )


def article_with(clinic, *blocks):
    return ArticlePageFactory(
        parent=clinic.learning_centre,
        slug="exercise-for-knees",
        body=[
            ("section", {"heading": "Why exercise helps", "text": "<p>It helps.</p>"}),
            *blocks,
        ],
    )


def test_the_article_shows_the_exercise_with_its_own_dosage(client, clinic, exercise):
    soup = read(client, article_with(clinic, block(exercise)))
    shown = soup.select_one(".article-exercise")

    assert text(shown.select_one(".exercise__name")) == "Knee bends"
    assert [text(li) for li in shown.select(".exercise__steps li")] == [
        "Stand behind a chair and hold it.",
        "Bend your knees a little, then stand up.",
    ]
    assert [img["alt"] for img in shown.select("img")] == ["Sitting with one leg straight"]
    assert shown.select_one("img")["loading"] == "lazy"
    assert [text(li) for li in shown.select(".dosage__lines li")] == [
        "3 sets of 10",
        "Rest for 30 seconds between sets",
        "Twice a day",
    ]
    assert "Your knee swells" in text(shown.select_one(".exercise__stop"))
    assert shown.select_one(".article-exercise__more a")["href"] == exercise.url


def test_the_article_may_change_how_much_and_how_often(client, clinic, exercise):
    soup = read(
        client,
        article_with(
            clinic,
            block(exercise, repetitions=12, times_per_period=3),
            block(exercise, sets=1, hold_seconds=20, times_per_period=4, period="week"),
        ),
    )
    first, second = soup.select(".article-exercise")
    # An empty "per" keeps the exercise's own: a day.
    assert [text(li) for li in first.select(".dosage__lines li")] == [
        "3 sets of 12",
        "Rest for 30 seconds between sets",
        "3 times a day",
    ]
    assert [text(li) for li in second.select(".dosage__lines li")] == [
        "Do it 10 times, holding each for 20 seconds",
        "Rest for 30 seconds between each one",
        "4 times a week",
    ]
    # The exercise's own page keeps its own dosage.
    own = BeautifulSoup(client.get(exercise.url).content, "html.parser")
    assert "3 sets of 10" in text(own.select_one(".dosage"))


def test_exercise_headings_follow_the_article_sections(client, clinic, exercise):
    soup = read(client, article_with(clinic, block(exercise)))
    body = soup.select_one(".article__body")
    levels = [(h.name, text(h)) for h in body.select("h2, h3")]
    assert levels[:3] == [
        ("h2", "Why exercise helps"),
        ("h2", "Knee bends"),
        ("h3", "Starting position"),
    ]


def test_an_exercise_not_yet_published_shows_nothing(client, clinic, exercise, exercise_library):
    draft = ExercisePageFactory(parent=exercise_library, title="Wall push-ups")
    draft.unpublish()
    soup = read(client, article_with(clinic, block(draft), block(exercise)))

    assert [text(h) for h in soup.select(".exercise__name")] == ["Knee bends"]
    assert "Wall push-ups" not in text(soup.select_one("main"))


def test_a_private_exercise_is_not_shown_in_a_public_article(
    client, clinic, exercise, exercise_library
):
    private = ExercisePageFactory(parent=exercise_library, title="Staff-only stretch")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="clinic-staff"
    )
    article = article_with(clinic, block(private), block(exercise))
    soup = read(client, article)
    assert [text(h) for h in soup.select(".exercise__name")] == ["Knee bends"]
    assert "Staff-only stretch" not in text(soup.select_one("main"))
    handout = client.get(article.url + "handout.pdf")
    assert handout.status_code == 200
    assert "Staff-only stretch" not in pdf_text(handout)


def test_an_exercise_that_was_deleted_shows_nothing(client, clinic, exercise):
    article = article_with(clinic, block(exercise))
    exercise.delete()
    soup = read(client, ArticlePage.objects.get(pk=article.pk))
    assert soup.select(".article-exercise") == []
    assert "Why exercise helps" in text(soup)


def test_the_block_refuses_values_out_of_range_naming_the_field(exercise):
    value = ExerciseBlock().to_python({"exercise": exercise.pk, **NO_CHANGE, "rest_seconds": 900})
    with pytest.raises(Exception) as refused:
        ExerciseBlock().clean(value)
    errors = refused.value.block_errors
    assert list(errors) == ["rest_seconds"]
    assert "Rest must be between 0 and 600 seconds; you entered 900." in str(errors)


def test_the_block_refuses_a_period_without_a_number(exercise):
    value = ExerciseBlock().to_python({"exercise": exercise.pk, **NO_CHANGE, "period": "week"})
    with pytest.raises(Exception) as refused:
        ExerciseBlock().clean(value)
    assert list(refused.value.block_errors) == ["times_per_period"]


def test_the_exercise_is_graded_on_its_own_page_not_in_the_article(clinic, exercise):
    plain = article_with(clinic)
    with_exercise = ArticlePageFactory(
        parent=clinic.learning_centre,
        slug="with-exercise",
        summary=plain.summary,
        body=[
            ("section", {"heading": "Why exercise helps", "text": "<p>It helps.</p>"}),
            block(exercise),
        ],
    )
    assert [h for h, _ in with_exercise.section_reading_grades()] == ["Why exercise helps"]
    assert with_exercise.compute_reading_grade() == plain.compute_reading_grade()


# Through the article editor.


def add_article_url(clinic):
    return f"/admin/pages/add/learning/articlepage/{clinic.learning_centre.pk}/"


def stream_state(response, name="body"):
    """The article body the re-shown editor holds: (blocks as typed, their errors)."""
    soup = BeautifulSoup(response.content, "html.parser")
    stream = soup.find(attrs={"id": name, "data-w-block-arguments-value": True})
    arguments = json.loads(stream["data-w-block-arguments-value"])
    return arguments[0], arguments[1]


def test_the_editor_adds_an_exercise_with_a_changed_dosage(admin_client, clinic, exercise):
    form = article_form(
        [section("Why exercise helps"), exercise_block(exercise, repetitions=12)],
        authors=[PersonFactory()],
        reviewer=PersonFactory(),
    )
    response = admin_client.post(add_article_url(clinic), form)
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="knee-pain")
    stored = article.body[1].value
    assert stored["exercise"] == exercise
    assert stored["repetitions"] == 12
    assert stored.dosage().summary() == "3 sets of 12, twice a day"


def test_the_editor_is_told_which_dosage_value_is_out_of_range(admin_client, clinic, exercise):
    form = article_form(
        [section("Why exercise helps"), exercise_block(exercise, repetitions=80)],
        authors=[PersonFactory()],
        reviewer=PersonFactory(),
        last_reviewed=str(datetime.date.today()),
    )
    response = admin_client.post(add_article_url(clinic), form)

    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="knee-pain").exists()
    values, errors = stream_state(response)
    assert errors["blockErrors"]["1"]["blockErrors"]["repetitions"]["messages"] == [
        "Repetitions must be between 1 and 50; you entered 80."
    ]
    # What the editor typed is kept, in the block and around it.
    exercise_value = values[1]["value"]
    assert exercise_value["exercise"]["id"] == exercise.pk
    assert exercise_value["repetitions"] == "80"
    assert values[0]["value"]["heading"] == "Why exercise helps"
