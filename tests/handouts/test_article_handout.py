"""An article's printed handout, with the exercises it includes."""

import datetime
import json

from bs4 import BeautifulSoup

from tests.factories import ArticlePageFactory, ExercisePageFactory, PersonFactory


def exercise_block(exercise, **dosage):
    """An article's exercise block as stored (the agreed JSON of learning.blocks)."""
    value = {
        "exercise": exercise.pk,
        "sets": None,
        "repetitions": None,
        "hold_seconds": None,
        "rest_seconds": None,
        "times_per_period": None,
        "period": "",
    }
    return {"type": "exercise", "value": {**value, **dosage}}


def section(heading, text):
    return {"type": "section", "value": {"heading": heading, "text": text}}


def publish_article(clinic, body=None, **fields):
    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        title="Getting stronger after a knee injury",
        slug="stronger-knees",
        summary="How gentle exercise helps your knee recover.",
        clinical_reviewer=PersonFactory(name="Lee Park", credentials="PT, PhD"),
        authors=[PersonFactory(name="Sam Writer", credentials="PT")],
        last_reviewed=datetime.date(2026, 9, 14),
        next_review_due=datetime.date(2029, 9, 14),
        **fields,
    )
    if body is not None:
        article.body = json.dumps(body)
    article.references = [
        ("reference", {"citation": "Smith J. Knees. 2020.", "url": "", "doi": ""})
    ]
    article.save_revision().publish()
    return article


def test_article_handout_has_its_content_disclaimers_and_review(
    client, clinic, clinic_details, pdf_text
):
    body = [
        section("Why exercise helps", "<p>Muscles steady the joint.</p>"),
        {
            "type": "callout",
            "value": {"heading": "Good", "text": "<p>Start slowly and build up.</p>"},
        },
    ]
    publish_article(clinic, body)

    text = pdf_text(client.get("/learning-centre/stronger-knees/handout.pdf"))

    assert "Getting stronger after a knee injury" in text
    assert "How gentle exercise helps your knee recover." in text
    assert "Written by Sam Writer, PT." in text
    assert "Why exercise helps" in text
    assert "Muscles steady the joint." in text
    assert "Start slowly and build up." in text
    assert "Smith J. Knees. 2020." in text
    assert "This is general information, not medical advice." in text
    assert "This article is not a literature review." in text
    assert "Last reviewed: 14 September 2026 by Lee Park, PT, PhD" in text
    assert "Next review due: 14 September 2029" in text
    assert "Phone: 01632 960 123" in text


def test_an_article_exercise_prints_with_the_article_dosage_and_a_week_to_tick(
    client, clinic, knee_exercise, pdf_text
):
    publish_article(clinic, [exercise_block(knee_exercise, repetitions=12)])

    text = pdf_text(client.get("/learning-centre/stronger-knees/handout.pdf"))

    assert "Seated knee straightening" in text
    assert "Slowly straighten your right knee." in text
    # The article asks for 12 repetitions; the rest is the exercise's own dosage.
    assert "3 sets of 12" in text
    assert "3 sets of 10" not in text
    assert "Twice a day" in text
    assert "Mon Tue Wed Thu Fri Sat Sun" in text
    assert "Your knee swells" in text


def test_an_unpublished_exercise_is_left_out_of_the_article_handout(
    client, clinic, exercise_library, pdf_text
):
    hidden = ExercisePageFactory(parent=exercise_library, title="Secret squat")
    hidden.unpublish()
    publish_article(
        clinic,
        [
            section("Before you start", "<p>Warm up first.</p>"),
            exercise_block(hidden),
        ],
    )

    text = pdf_text(client.get("/learning-centre/stronger-knees/handout.pdf"))

    assert "Warm up first." in text
    assert "Secret squat" not in text


def test_the_article_page_links_to_its_handout(client, clinic):
    publish_article(clinic)

    page = BeautifulSoup(client.get("/learning-centre/stronger-knees/").content, "html.parser")
    link = page.find("a", string="Print-friendly handout (PDF)")

    assert link is not None
    assert link["href"] == "/learning-centre/stronger-knees/handout.pdf"
    assert client.get(link["href"])["Content-Type"] == "application/pdf"
