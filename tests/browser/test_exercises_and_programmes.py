"""The exercise library, an exercise page and a programme page in a real browser: axe-core
at phone and desktop widths, and a programme read and followed without JavaScript."""

import datetime

import pytest

from learning.models import ExerciseLibraryPage, ExercisePage
from programmes.models import Programme
from tests.helpers.axe import axe_problems


def demo_exercise_pages():
    """Page type: path, for the demo clinic's library, first exercise and programme."""
    library = ExerciseLibraryPage.objects.live().get()
    exercise = ExercisePage.objects.live().child_of(library).order_by("path").first()
    programme = Programme.objects.get()
    return {
        "exercise library": library.url,
        "exercise": exercise.url,
        "programme": programme.get_absolute_url(),
    }


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_exercise_and_programme_pages_pass_axe(demo_site, new_page, viewport):
    page = new_page(viewport)
    problems = {}
    for name, path in demo_exercise_pages().items():
        response = page.goto(demo_site + path)
        assert response.status == 200, name
        if found := axe_problems(page):
            problems[name] = found

    # An expired programme's page tells the patient what to do next.
    programme = Programme.objects.get()
    Programme.objects.filter(pk=programme.pk).update(
        expires_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    response = page.goto(demo_site + programme.get_absolute_url())
    assert response.status == 410
    if found := axe_problems(page):
        problems["expired programme"] = found

    assert problems == {}


def test_a_programme_reads_and_navigates_without_javascript(demo_site, new_page):
    programme = Programme.objects.get()
    rows = list(programme.exercises.select_related("exercise"))
    page = new_page("mobile", java_script_enabled=False)
    response = page.goto(demo_site + programme.get_absolute_url())
    assert response.status == 200
    assert page.locator("h1").inner_text().strip() == programme.title

    # Every exercise is there, in order, with its steps and how much to do.
    headings = [h.strip() for h in page.locator("main h2").all_inner_texts()]
    names = [row.exercise.title for row in rows]
    assert [h for h in headings if h in names] == names
    main_text = page.locator("main").inner_text()
    for row in rows:
        assert row.dosage().summary().split(",")[0] in main_text
        assert row.exercise.steps.first().text in main_text

    # The printable copy is one link away, and is a PDF.
    pdf_link = page.get_by_role("link", name="handout", exact=False).first
    pdf = page.request.get(pdf_link.evaluate("a => a.href"))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"

    # A linked article opens like any other link, and the browser's Back returns.
    article = programme.articles.select_related("article").first().article
    page.get_by_role("link", name=article.title).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == article.title
    page.go_back()
    assert page.locator("h1").inner_text().strip() == programme.title
