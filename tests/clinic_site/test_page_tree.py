"""The page tree is locked: each page type goes only where it belongs."""

from wagtail.models import Page

from clinic_site.models import HomePage, LegalPage
from learning.models import (
    ArticlePage,
    ExerciseLibraryPage,
    ExercisePage,
    LearningCentreIndexPage,
)


def test_home_holds_the_learning_centre_and_legal_pages():
    assert set(HomePage.allowed_subpage_models()) == {LearningCentreIndexPage, LegalPage}
    assert HomePage.allowed_parent_page_models() == [Page]


def test_learning_centre_takes_articles_and_one_exercise_library():
    assert LearningCentreIndexPage.allowed_subpage_models() == [ArticlePage, ExerciseLibraryPage]
    assert LearningCentreIndexPage.allowed_parent_page_models() == [HomePage]


def test_the_exercise_library_takes_only_exercises(exercise_library):
    assert ExerciseLibraryPage.allowed_subpage_models() == [ExercisePage]
    assert ExerciseLibraryPage.allowed_parent_page_models() == [LearningCentreIndexPage]
    assert ExercisePage.allowed_subpage_models() == []
    assert ExercisePage.allowed_parent_page_models() == [ExerciseLibraryPage]
    assert not ExerciseLibraryPage.can_create_at(exercise_library.get_parent())


def test_articles_and_legal_pages_are_leaves():
    assert ArticlePage.allowed_subpage_models() == []
    assert ArticlePage.allowed_parent_page_models() == [LearningCentreIndexPage]
    assert LegalPage.allowed_subpage_models() == []
    assert LegalPage.allowed_parent_page_models() == [HomePage]


def test_admin_refuses_an_article_outside_the_learning_centre(admin_client, clinic):
    url = f"/admin/pages/add/learning/articlepage/{clinic.home.pk}/"
    response = admin_client.post(url, {"title": "Misplaced", "slug": "misplaced"})
    # Wagtail turns the editor away with a permission message; nothing is created.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not ArticlePage.objects.filter(slug="misplaced").exists()


def test_only_one_learning_centre_per_home(clinic):
    assert not LearningCentreIndexPage.can_create_at(clinic.home)
