"""Reading grade: textstat's Flesch–Kincaid, per section and for the whole article."""

import io

import textstat
from bs4 import BeautifulSoup

from django.core.management import call_command

from learning.models import ArticlePage, LearningCentreSettings
from learning.reading_level import plain_text, reading_grade, rich_text_pieces
from tests.factories import ArticlePageFactory

KNOWN_TEXT = (
    "Exercise helps your joints move. It can make your muscles stronger. "
    "Your physiotherapist will show you what to do."
)
HARD_TEXT = (
    "Therapeutic exercise constitutes a multidimensional intervention facilitating "
    "neuromuscular adaptation, proprioceptive recalibration and cardiovascular "
    "conditioning, consequently ameliorating musculoskeletal dysfunction and "
    "substantially diminishing nociceptive hypersensitivity."
)


def section(heading, text):
    return ("section", {"heading": heading, "text": f"<p>{text}</p>"})


def test_grade_matches_textstat_on_known_text():
    assert reading_grade(KNOWN_TEXT) == round(textstat.flesch_kincaid_grade(KNOWN_TEXT), 1)
    assert reading_grade("") is None


def test_list_items_count_as_sentences_not_one_run_on():
    pieces = rich_text_pieces("<p>It may:</p><ul><li>Ease pain</li><li>Help you sleep</li></ul>")
    assert plain_text(pieces) == "It may. Ease pain. Help you sleep."


def test_article_grade_is_stored_on_save_and_per_section(clinic):
    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        summary="Simple exercises for sore knees.",
        body=[section("Easy part", KNOWN_TEXT), section("Hard part", HARD_TEXT)],
    )
    article.refresh_from_db()
    sections = dict(article.section_reading_grades())
    # The heading is read as a sentence of its own.
    assert sections["Easy part"] == reading_grade(f"Easy part. {KNOWN_TEXT}")
    assert sections["Hard part"] > 8 > sections["Easy part"]
    assert article.reading_grade == article.compute_reading_grade()
    assert sections["Easy part"] < article.reading_grade < sections["Hard part"]


def test_editor_shows_reading_grades_and_warns_above_target(admin_client, clinic):
    article = ArticlePageFactory(
        parent=clinic.learning_centre, body=[section("Hard part", HARD_TEXT)]
    )
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").select_one(".reading-level-panel")
    text = " ".join(panel.get_text(" ").split())
    assert f"Whole article: grade {article.compute_reading_grade()}" in text
    assert "target is grade 8" in text
    assert "harder to read than the target" in text
    assert "Hard part" in text


def test_editor_shows_no_warning_for_an_easy_article(admin_client, clinic):
    article = ArticlePageFactory(
        parent=clinic.learning_centre,
        summary="Knee exercises.",
        body=[section("Easy part", KNOWN_TEXT)],
    )
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert b"harder to read than the target" not in response.content
    assert b"Whole article: grade" in response.content


def test_demo_articles_meet_the_target_grade(db):
    call_command("load_demo_content", stdout=io.StringIO())
    target = LearningCentreSettings.objects.get().target_reading_grade
    for article in ArticlePage.objects.all():
        assert article.reading_grade is not None
        assert article.reading_grade <= target, (article.title, article.reading_grade)
