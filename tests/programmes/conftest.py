import pytest

from programmes.models import Programme, ProgrammeArticle, ProgrammeExercise
from tests.factories import ArticlePageFactory, ExercisePageFactory

CLINIC_PHONE = "01632 960 123"


@pytest.fixture
def clinic_with_phone(clinic):
    clinic.settings.phone = CLINIC_PHONE
    clinic.settings.save()
    return clinic


@pytest.fixture
def knee_exercise(exercise_library):
    return ExercisePageFactory(
        parent=exercise_library,
        title="Straight leg raise",
        steps=["Tighten the muscle at the front of your thigh.", "Lift your leg a little."],
    )


@pytest.fixture
def reading(clinic):
    return ArticlePageFactory(
        parent=clinic.learning_centre, title="Looking after your knees", slug="knees"
    )


@pytest.fixture
def programme(clinic_with_phone, knee_exercise, reading):
    """A programme with one exercise (its repetitions changed to 12) and one article."""
    programme = Programme.objects.create(
        title="Knee strengthening, weeks 1 to 4",
        message="Start gently and build up over the first week.",
    )
    ProgrammeExercise.objects.create(programme=programme, exercise=knee_exercise, repetitions=12)
    ProgrammeArticle.objects.create(programme=programme, article=reading)
    return programme
