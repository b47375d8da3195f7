"""An exercise's own page: what a patient follows at home, with the clinic's disclaimers,
who checked it and when, and a link to print it."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from clinic_site.page_cache import invalidate_all
from learning.models import ExercisePage
from tests.factories import ExercisePageFactory, PersonFactory, TopicFactory


@pytest.fixture
def exercise(exercise_library):
    return ExercisePageFactory(
        parent=exercise_library,
        title="Sitting knee straightening",
        slug="sitting-knee-straightening",
        body_region=TopicFactory(name="Knee", slug="knee"),
        difficulty="moderate",
        equipment="A firm chair",
        steps=["Slowly straighten your right knee.", "Hold it, then lower it slowly."],
        images=[
            (ImageFactory(width=640, height=480), "Sitting on a chair, right leg straight"),
            (ImageFactory(width=640, height=480), "Sitting on a chair, both feet down"),
        ],
        clinical_reviewer=PersonFactory(name="Jo Lindqvist", credentials="PT, DPT"),
        last_reviewed=datetime.date(2026, 1, 10),
        next_review_due=datetime.date(2029, 1, 10),
    )


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def test_a_patient_follows_the_exercise_from_its_page(client, exercise):
    soup = page(client, "/learning-centre/exercises/sitting-knee-straightening/")

    assert [text(h) for h in soup.find_all("h1")] == ["Sitting knee straightening"]
    assert [text(li) for li in soup.select(".breadcrumbs li")] == [
        "Home",
        "Learning Centre",
        "Exercises",
        "Sitting knee straightening",
    ]
    crumbs = [a["href"] for a in soup.select(".breadcrumbs a")]
    assert crumbs == ["/", "/learning-centre/", "/learning-centre/exercises/"]
    assert "Strengthens the muscles" in text(soup.select_one(".lead"))
    facts = text(soup.select_one(".exercise-facts"))
    assert "Body area: Knee" in facts
    assert "Difficulty: Moderate" in facts
    assert "Equipment: A firm chair" in facts
    assert [text(li) for li in soup.select(".exercise__steps li")] == [
        "Slowly straighten your right knee.",
        "Hold it, then lower it slowly.",
    ]
    assert [text(li) for li in soup.select(".dosage__lines li")] == [
        "3 sets of 10",
        "Rest for 30 seconds between sets",
        "Twice a day",
    ]
    assert [text(li) for li in soup.select(".exercise__stop li")] == [
        "Your pain gets worse and stays worse the next day",
        "Your knee swells",
    ]
    assert "Sit on a firm chair" in text(soup.select_one(".exercise__start"))


def test_headings_run_in_order_under_the_one_h1(client, exercise):
    soup = page(client, exercise.url)
    levels = [int(h.name[1]) for h in soup.select("main h1, main h2, main h3, main h4")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))
    headings = [text(h) for h in soup.select("main h2")]
    assert "Starting position" in headings and "What to do" in headings
    assert "How much and how often" in headings


def test_images_have_their_descriptions_and_sizes(client, exercise):
    soup = page(client, exercise.url)
    images = soup.select(".exercise__figure img")
    assert [img["alt"] for img in images] == [
        "Sitting on a chair, right leg straight",
        "Sitting on a chair, both feet down",
    ]
    for img in images:
        assert img.get("width") and img.get("height")
    # The first picture is at the top of the page; the rest wait until scrolled to.
    assert images[0].get("loading") != "lazy"
    assert images[1]["loading"] == "lazy"


def test_the_clinic_defaults_disclaim_the_exercise(client, clinic, exercise):
    soup = page(client, exercise.url)
    top = soup.select_one(".disclaimer--top")
    assert "general information, not medical advice" in text(top)
    # The default closing note is about an article's research, not an exercise.
    assert soup.select_one(".disclaimer--closing") is None
    assert "literature review" not in soup.get_text()
    # Unpublished disclaimers are never shown.
    clinic.medical_disclaimer.live = False
    clinic.medical_disclaimer.save()
    assert page(client, exercise.url).select_one(".disclaimer--top") is None


def test_who_checked_it_and_when(client, exercise):
    soup = page(client, exercise.url)
    assert "Clinically reviewed by Jo Lindqvist, PT, DPT" in text(soup.select_one(".byline"))
    dates = text(soup.select_one(".review-dates"))
    assert "Page last reviewed: 10 January 2026 by Jo Lindqvist, PT, DPT" in dates
    assert "Next review due: 10 January 2029" in dates


def test_the_page_links_to_its_printable_handout(client, exercise):
    link = page(client, exercise.url).select_one(".exercise-page__handout a")
    assert link["href"] == "/learning-centre/exercises/sitting-knee-straightening/handout.pdf"
    assert "PDF" in text(link)


def test_canonical_address_and_description(client, exercise):
    soup = page(client, exercise.url)
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == "http://testserver/learning-centre/exercises/sitting-knee-straightening/"
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description == exercise.purpose


def test_a_video_link_from_an_allowed_host_and_never_a_player(client, exercise, settings):
    settings.EXERCISE_VIDEO_HOSTS = ["video.example.org"]
    exercise.video_url = "https://video.example.org/knee"
    exercise.save_revision().publish()

    soup = page(client, exercise.url)
    assert soup.select_one(".exercise-page__video a")["href"] == "https://video.example.org/knee"
    # A link, never a third-party player in the page.
    assert soup.find("iframe") is None

    # The clinic withdraws the host: once cached pages are renewed, the link goes from
    # every exercise at once, without editing any of them.
    settings.EXERCISE_VIDEO_HOSTS = []
    invalidate_all()
    assert page(client, exercise.url).select_one(".exercise-page__video") is None


def test_no_video_link_when_none_is_set(client, exercise, settings):
    settings.EXERCISE_VIDEO_HOSTS = ["video.example.org"]
    assert page(client, exercise.url).select_one(".exercise-page__video") is None


def test_a_draft_or_unpublished_exercise_is_not_shown(client, exercise, exercise_library):
    draft = ExercisePageFactory(parent=exercise_library, slug="a-draft")
    draft.unpublish()
    assert client.get("/learning-centre/exercises/a-draft/").status_code == 404
    exercise.unpublish()
    response = client.get("/learning-centre/exercises/sitting-knee-straightening/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "no-such-exercise/",
        "%00/",
        "sitting-knee-straightening/no-such-part/",
        "sitting-knee-straightening/%00/",
        "x" * 3000 + "/",
    ],
)
def test_odd_addresses_are_not_found(client, exercise, path):
    assert client.get(f"/learning-centre/exercises/{path}").status_code == 404


def test_an_exercise_lives_only_in_the_exercise_library():
    assert ExercisePage.parent_page_types == ["learning.ExerciseLibraryPage"]
    assert ExercisePage.subpage_types == []


def test_a_picture_whose_file_has_gone_does_not_break_the_page(client, exercise):
    first = exercise.images.first()
    first.image.file.storage.delete(first.image.file.name)
    response = client.get(exercise.url)
    assert response.status_code == 200
    assert first.alt_text in response.content.decode()
