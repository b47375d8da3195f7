"""An exercise with something wrong is refused in the editor with a message beside the
field that says what to fix, and everything the editor typed is still there."""

import pytest
from wagtail_factories import ImageFactory

from learning.models import ExercisePage
from tests.factories import PersonFactory, TopicFactory
from tests.helpers.exercise_forms import error_near, exercise_form, field_value


@pytest.fixture
def knee(db):
    return TopicFactory(name="Knee", slug="knee")


@pytest.fixture
def picture(db):
    return ImageFactory()


@pytest.fixture
def add(admin_client, exercise_library):
    def add(form):
        return admin_client.post(
            f"/admin/pages/add/learning/exercisepage/{exercise_library.pk}/", form
        )

    return add


def assert_refused(response, field, message):
    assert response.status_code == 200
    assert not ExercisePage.objects.filter(slug="straight-leg-raise").exists()
    assert message in error_near(response, field)
    # What the editor typed is kept.
    assert field_value(response, "title") == "Straight leg raise"
    assert field_value(response, "purpose").startswith("Makes the muscles")
    assert field_value(response, "stop_if").startswith("Your knee hurts more")


def test_a_complete_exercise_publishes(add, knee, picture):
    response = add(exercise_form(knee, [(picture, "Lying down")], reviewer=PersonFactory()))
    assert response.status_code == 302
    exercise = ExercisePage.objects.get(slug="straight-leg-raise")
    assert exercise.live
    assert exercise.dosage.summary() == "3 sets of 10, twice a day"
    assert [step.text for step in exercise.steps.all()] == ["Lift your leg."]


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("sets", "11", "Sets must be between 1 and 10; you entered 11."),
        ("repetitions", "51", "Repetitions must be between 1 and 50; you entered 51."),
        ("hold_seconds", "301", "Hold time must be between 1 and 300 seconds; you entered 301."),
        ("rest_seconds", "601", "Rest must be between 0 and 600 seconds; you entered 601."),
        ("times_per_period", "8", "How often must be between 1 and 7; you entered 8."),
        ("sets", "0", "Sets must be between 1 and 10; you entered 0."),
    ],
)
def test_a_dosage_out_of_range_is_refused(add, knee, picture, field, typed, message):
    response = add(exercise_form(knee, [(picture, "Lying down")], **{field: typed}))
    assert_refused(response, field, message)
    assert field_value(response, field) == typed


def test_an_exercise_without_an_amount_is_refused(add, knee, picture):
    response = add(exercise_form(knee, [(picture, "Lying down")], repetitions=""))
    assert_refused(response, "repetitions", "Give the number of repetitions, a hold time")


def test_an_exercise_without_steps_is_refused(add, knee, picture):
    response = add(exercise_form(knee, [(picture, "Lying down")], steps=()))
    assert response.status_code == 200
    assert b"Add at least one step: patients follow them in order." in response.content
    assert not ExercisePage.objects.filter(slug="straight-leg-raise").exists()
    assert field_value(response, "title") == "Straight leg raise"
    assert field_value(response, "sets") == "3"


def test_an_image_without_alt_text_is_refused(add, knee, picture):
    response = add(exercise_form(knee, [(picture, "")], steps=("Lift your leg.", "Lower it.")))
    assert_refused(
        response,
        "images-0-alt_text",
        "Describe what the image shows for patients who cannot see it.",
    )
    assert field_value(response, "images-0-image") == str(picture.pk)
    assert field_value(response, "steps-1-text") == "Lower it."


def test_no_video_while_the_clinic_allows_no_host(add, knee, picture, settings):
    settings.EXERCISE_VIDEO_HOSTS = []
    link = "https://video.example.org/knee"
    response = add(exercise_form(knee, [(picture, "Lying down")], video_url=link))
    assert_refused(response, "video_url", "Videos are switched off for this site: remove the link.")
    assert field_value(response, "video_url") == link


def test_a_video_from_another_host_is_refused(add, knee, picture, settings):
    settings.EXERCISE_VIDEO_HOSTS = ["video.example.org"]
    link = "https://tracker.example.com/knee"
    response = add(exercise_form(knee, [(picture, "Lying down")], video_url=link))
    assert_refused(
        response,
        "video_url",
        "Videos may only come from video.example.org; tracker.example.com is not one of them.",
    )
    assert field_value(response, "video_url") == link


def test_a_video_from_the_allowed_host_is_kept(add, knee, picture, settings):
    settings.EXERCISE_VIDEO_HOSTS = ["video.example.org"]
    link = "https://video.example.org/knee"
    form = exercise_form(knee, [(picture, "Lying down")], video_url=link, reviewer=PersonFactory())
    assert add(form).status_code == 302
    assert ExercisePage.objects.get(slug="straight-leg-raise").video_url == link


def test_a_blank_step_row_is_refused_when_publishing(add, knee, picture):
    response = add(exercise_form(knee, [(picture, "Lying down")], steps=("Lift your leg.", "")))
    assert_refused(response, "steps-1-text", "Write the step, or delete this row.")
    assert field_value(response, "steps-0-text") == "Lift your leg."


def test_an_image_row_without_an_image_is_refused(add, knee, picture):
    form = exercise_form(knee, [(picture, "Lying down")])
    form.update({"images-0-image": ""})
    response = add(form)
    assert_refused(response, "images-0-image", "Choose an image, or delete this row.")
    assert field_value(response, "images-0-alt_text") == "Lying down"
