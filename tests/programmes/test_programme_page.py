"""What a patient sees at /p/<token>/: the programme, privately; a wrong link is an
ordinary 404; an expired or withdrawn one says so and gives the clinic's phone."""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from tests.factories import ExercisePageFactory
from tests.helpers.sign_in import text_of

from .conftest import CLINIC_PHONE


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_programme_shows_its_exercises_with_their_dosage_and_its_articles(
    client, programme, knee_exercise, reading
):
    response = client.get(programme.get_absolute_url())
    text = text_of(response)
    page = soup(response)

    assert response.status_code == 200
    assert page.h1.get_text(strip=True) == "Knee strengthening, weeks 1 to 4"
    assert "Test Physiotherapy Clinic" in text
    assert "Start gently and build up over the first week." in text
    assert [h.get_text(strip=True) for h in page.select("main h2.exercise__name")] == [
        "Straight leg raise"
    ]
    assert "Lift your leg a little." in text
    # The programme's own repetitions, the exercise's sets, rest and frequency.
    dosage = [li.get_text(strip=True) for li in page.select(".dosage li")]
    assert dosage == ["3 sets of 12", "Rest for 30 seconds between sets", "Twice a day"]
    assert page.find("a", string="Looking after your knees")["href"] == reading.url
    expiry = programme.expires_on
    assert f"This programme is available until {expiry.day} {expiry:%B %Y}." in text
    assert page.find("a", href=f"/p/{programme.token}/handout.pdf")


def test_the_page_is_kept_out_of_search_engines_shared_caches_and_referrers(client, programme):
    response = client.get(programme.get_absolute_url())

    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert soup(response).find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert not soup(response).find("link", rel="canonical")
    # The page cache never stores it: a second visit is rendered again, not a hit.
    assert client.get(programme.get_absolute_url()).get("X-Page-Cache") is None


def test_an_unpublished_exercise_is_left_out(client, programme, exercise_library):
    draft = ExercisePageFactory(parent=exercise_library, title="Wall squat")
    programme.exercises.create(exercise=draft)
    draft.unpublish()

    response = client.get(programme.get_absolute_url())

    assert "Straight leg raise" in text_of(response)
    assert "Wall squat" not in text_of(response)


def test_a_wrong_token_is_the_same_404_as_any_unknown_url(client, programme):
    wrong = programme.token[:-1] + ("A" if programme.token[-1] != "A" else "B")
    unknown = client.get("/no-such-page/")
    response = client.get(f"/p/{wrong}/")

    assert response.status_code == unknown.status_code == 404
    assert response.content == unknown.content
    assert response.templates[0].name == unknown.templates[0].name == "404.html"
    assert client.get(f"/p/{wrong}/handout.pdf").status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/p/", "/p/%00/", "/p/%00/handout.pdf", "/p/" + "a" * 10_000 + "/", "/p/abc/", "/p/../"],
)
def test_odd_programme_urls_are_404s(client, programme, path):
    assert client.get(path).status_code == 404


def test_an_expired_programme_answers_410_with_the_clinic_phone(client, programme, frozen_today):
    with frozen_today(programme.expires_on):
        assert client.get(programme.get_absolute_url()).status_code == 200
    with frozen_today(programme.expires_on + datetime.timedelta(days=1)):
        response = client.get(programme.get_absolute_url())
        handout = client.get(programme.handout_path())

    assert response.status_code == handout.status_code == 410
    assert "This programme is no longer available" in text_of(response)
    assert soup(response).find("a", href="tel:01632960123").get_text() == CLINIC_PHONE
    assert "Straight leg raise" not in text_of(response)
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_withdrawn_programme_answers_410_with_the_clinic_phone(client, programme):
    programme.withdraw()

    response = client.get(programme.get_absolute_url())

    assert response.status_code == 410
    assert "withdrawn" in text_of(response)
    assert CLINIC_PHONE in text_of(response)
    assert client.get(programme.handout_path()).status_code == 410
    assert programme.withdrawn_at <= timezone.now()


def test_only_safe_methods_are_answered(client, programme):
    assert client.post(programme.get_absolute_url()).status_code == 405


def test_programmes_are_never_in_the_sitemap_search_or_feed(client, programme, clinic):
    token, title = programme.token, programme.title

    sitemap = client.get("/sitemap.xml")
    search = client.get("/search/", {"q": "Knee strengthening"})
    feed = client.get(f"{clinic.learning_centre.url}feed/")

    assert sitemap.status_code == search.status_code == feed.status_code == 200
    assert b"/learning-centre/" in sitemap.content  # the sitemap does list pages
    for response in (sitemap, search, feed):
        assert token.encode() not in response.content
        assert title.encode() not in response.content
        assert b"/p/" not in response.content
