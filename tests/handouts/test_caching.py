"""A handout is made on its first request and kept, and never outlives what it shows:
a publish, a change to the clinic's details or to an exercise an article includes
gives a new one."""

import json

from tests.factories import ArticlePageFactory


def test_a_second_request_gets_the_kept_handout(client, knee_exercise, renders):
    first = client.get(knee_exercise.handout_url())
    second = client.get(knee_exercise.handout_url())

    assert len(renders) == 1
    assert second.content == first.content


def test_signed_in_staff_also_get_the_kept_handout(admin_client, knee_exercise, renders):
    # A session cookie takes the request past the page cache; the handout is kept anyway.
    first = admin_client.get(knee_exercise.handout_url())
    second = admin_client.get(knee_exercise.handout_url())

    assert second.status_code == 200
    assert second.content == first.content
    assert len(renders) == 1


def test_a_query_string_does_not_make_the_handout_again(client, knee_exercise, renders):
    client.get(knee_exercise.handout_url())
    client.get(knee_exercise.handout_url() + "?utm_source=leaflet")

    assert len(renders) == 1


def test_publishing_a_change_gives_a_new_handout(client, knee_exercise, pdf_text, renders):
    assert "A firm chair" in pdf_text(client.get(knee_exercise.handout_url()))

    knee_exercise.equipment = "A kitchen chair without wheels"
    knee_exercise.save_revision().publish()
    text = pdf_text(client.get(knee_exercise.handout_url()))

    assert "A kitchen chair without wheels" in text
    assert "A firm chair" not in text
    assert len(renders) == 2


def test_new_clinic_details_give_a_new_handout(client, clinic, knee_exercise, pdf_text):
    client.get(knee_exercise.handout_url())

    clinic.settings.phone = "01632 960 999"
    clinic.settings.save()

    assert "01632 960 999" in pdf_text(client.get(knee_exercise.handout_url()))


def test_an_article_handout_follows_a_change_to_an_exercise_it_includes(
    client, clinic, knee_exercise, pdf_text
):
    article = ArticlePageFactory(parent=clinic.learning_centre, slug="knee-care")
    article.body = json.dumps(
        [{"type": "exercise", "value": {"exercise": knee_exercise.pk, "period": ""}}]
    )
    article.save_revision().publish()
    assert "Your knee swells" in pdf_text(client.get(article.handout_url()))

    knee_exercise.stop_if = "You feel dizzy"
    knee_exercise.save_revision().publish()
    text = pdf_text(client.get(article.handout_url()))

    assert "You feel dizzy" in text
    assert "Your knee swells" not in text
