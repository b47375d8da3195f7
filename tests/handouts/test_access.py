"""Only a live, public page has a handout; any other address under it is a plain 404."""

import pytest

from django.http import Http404

from wagtail.models import PageViewRestriction

from tests.factories import ExercisePageFactory, TopicFactory


def test_an_unpublished_exercise_has_no_handout(client, knee_exercise):
    url = knee_exercise.handout_url()
    knee_exercise.unpublish()

    assert client.get(url).status_code == 404


def test_a_draft_that_was_never_published_has_no_handout(client, exercise_library):
    draft = ExercisePageFactory.build(
        slug="new-idea", live=False, body_region=TopicFactory(), clinical_reviewer=None
    )
    exercise_library.add_child(instance=draft)
    draft.save_revision()

    assert client.get("/learning-centre/exercises/new-idea/handout.pdf").status_code == 404


def test_the_handout_shows_the_published_text_not_a_newer_draft(client, knee_exercise, pdf_text):
    knee_exercise.purpose = "Draft wording nobody has checked"
    knee_exercise.save_revision()

    text = pdf_text(client.get(knee_exercise.handout_url()))

    assert "Strengthens the muscles that support your knee." in text
    assert "Draft wording nobody has checked" not in text


@pytest.mark.parametrize("restriction", ["password", "login"])
def test_a_private_page_has_no_handout_not_even_a_sign_in_form(client, knee_exercise, restriction):
    PageViewRestriction.objects.create(
        page=knee_exercise, restriction_type=restriction, password="a-secret-word"
    )

    response = client.get(knee_exercise.handout_url())

    assert response.status_code == 404
    assert b"password" not in response.content.lower()


def test_a_page_under_a_private_section_has_no_handout(client, exercise_library, knee_exercise):
    PageViewRestriction.objects.create(page=exercise_library, restriction_type="login")

    assert client.get(knee_exercise.handout_url()).status_code == 404


def test_a_signed_in_editor_gets_no_handout_of_a_private_page_either(admin_client, knee_exercise):
    PageViewRestriction.objects.create(page=knee_exercise, restriction_type="login")

    assert admin_client.get(knee_exercise.handout_url()).status_code == 404


@pytest.mark.parametrize(
    "tail",
    [
        "handout.pdf/x",
        "handout.pdf/",
        "handout.pdf/x/",
        "handout.pdfx",
        "handout.pdf.pdf",
        "handout.PDF",
        "handout.pdf%00",
        "nonexistent/handout.pdf",
    ],
)
def test_odd_addresses_under_the_handout_are_not_found(client, knee_exercise, tail):
    response = client.get(knee_exercise.url + tail)

    assert response.status_code == 404


def test_a_preview_has_no_handout(rf, knee_exercise):
    request = rf.get(knee_exercise.handout_url())
    request.is_preview = True

    with pytest.raises(Http404):
        knee_exercise.handout(request)


def test_a_handout_is_only_read(client, knee_exercise):
    assert client.post(knee_exercise.handout_url()).status_code == 405
    assert client.head(knee_exercise.handout_url()).status_code == 200


@pytest.mark.parametrize("path", ["/handout.pdf", "/learning-centre/handout.pdf"])
def test_pages_without_handouts_answer_not_found(client, clinic, path):
    assert client.get(path).status_code == 404
