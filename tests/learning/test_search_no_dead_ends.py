"""A search never dead-ends: word forms and editors' synonyms widen it, and a search
without results offers the topics, the clinic's phone number and a booking link."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection

from learning.search import stem, synonym_groups, with_synonyms, word_forms
from tests.factories import ArticlePageFactory, TopicFactory


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".search-result__title a")]


@pytest.fixture
def articles(clinic):
    knee = TopicFactory(name="Knee")
    TopicFactory(name="Unused topic")
    return [
        ArticlePageFactory(
            parent=clinic.learning_centre,
            title="Neck exercises",
            summary="Chin tucks and shoulder rolls for a stiff neck.",
            body=[("section", {"heading": "Start gently", "text": "<p>A gentle stretch.</p>"})],
        ),
        ArticlePageFactory(
            parent=clinic.learning_centre,
            title="Knee pain",
            summary="Why knees ache after running, and what helps.",
            body=[("section", {"heading": "Physiotherapy", "text": "<p>Strength work.</p>"})],
            topics=[knee],
        ),
    ]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("chin tuck", "Neck exercises"),
        ("stretching", "Neck exercises"),
        ("stretches", "Neck exercises"),
        ("roll", "Neck exercises"),
        ("knee", "Knee pain"),
        ("aching", "Knee pain"),
        ("run", "Knee pain"),
    ],
)
def test_plurals_and_simple_stems_are_found(client, articles, query, title):
    """On SQLite by the search's own word forms; on PostgreSQL by its English stemming."""
    assert result_titles(client.get("/search/", {"q": query})) == [title], connection.vendor


def test_every_word_must_still_match(client, articles):
    assert result_titles(client.get("/search/", {"q": "chin tuck knee"})) == []


def test_a_synonym_finds_articles_using_the_other_words(client, clinic, articles):
    assert result_titles(client.get("/search/", {"q": "physio"})) == []
    clinic.learning_settings.search_synonyms = (
        "physio, physiotherapy, physical therapy\nkneecap, knee"
    )
    clinic.learning_settings.save()
    assert result_titles(client.get("/search/", {"q": "Physio"})) == ["Knee pain"]
    assert result_titles(client.get("/search/", {"q": "physical therapy"})) == ["Knee pain"]
    assert result_titles(client.get("/search/", {"q": "kneecap strength"})) == ["Knee pain"]


def test_no_results_offer_topics_phone_and_booking(client, clinic, articles):
    clinic.settings.phone = "01632 960 123"
    clinic.settings.booking_url = "https://booking.example/"
    clinic.settings.save()
    page = soup(client.get("/search/", {"q": "zebra"}))
    next_steps = page.select_one(".search-next-steps")
    topics = {a.get_text(strip=True): a["href"] for a in next_steps.select(".topic-filter a")}
    assert topics == {"Knee": f"{clinic.learning_centre.url}topic/knee/"}
    assert next_steps.select_one('a[href="tel:01632960123"]').get_text() == "01632 960 123"
    assert next_steps.find("a", string="Book an appointment")["href"] == "https://booking.example/"
    assert "other words" in page.select_one("#results-heading").find_next("p").get_text()
    assert client.get(topics["Knee"]).status_code == 200


def test_no_results_without_topics_link_to_the_learning_centre(client, clinic):
    page = soup(client.get("/search/", {"q": "zebra"}))
    link = page.select_one(".search-next-steps a")
    assert link["href"] == clinic.learning_centre.url


def test_results_and_the_empty_form_have_no_next_steps(client, articles):
    assert not soup(client.get("/search/", {"q": "knee"})).select(".search-next-steps")
    assert not soup(client.get("/search/")).select(".search-next-steps")


def test_word_forms():
    assert stem("tucks") == "tuck"
    assert stem("stretching") == "stretch"
    assert stem("injuries") == "injury"
    assert stem("knees") == "knee"
    assert stem("tapping") == "tap"
    assert stem("pass") == "pass"
    assert {"stretch", "stretches", "stretched"} <= set(word_forms("stretching"))
    assert {"move", "moves", "moved"} <= set(word_forms("moving"))
    assert word_forms("a") == ["a"]
    assert word_forms("x-ray") == ["x-ray"]


def test_synonym_groups_ignore_blanks_single_words_and_syntax():
    text = "physio, Physiotherapy , physical  therapy\n\n  lonely\n ice, , cold* pack\n"
    assert synonym_groups(text) == [
        ["physio", "physiotherapy", "physical therapy"],
        ["ice", "cold pack"],
    ]
    assert with_synonyms("ice for a knee", synonym_groups(text)) == [
        "ice for a knee",
        "cold pack for a knee",
    ]


def test_the_longest_query_with_many_synonyms_still_answers(client, clinic, articles):
    clinic.learning_settings.search_synonyms = (
        "\n".join(f"w{n}, x{n} y{n}, stretch{n}" for n in range(50)) + '\n*, (, "OR", NEAR'
    )
    clinic.learning_settings.save()
    query = " ".join(f"w{n}" for n in range(60))[:200]
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert result_titles(response) == []
    # FTS syntax in a query or a synonym is only ever a word (PostgreSQL drops "or").
    assert client.get("/search/", {"q": "OR stretches NEAR"}).status_code == 200
    assert result_titles(client.get("/search/", {"q": "gentle stretches"})) == ["Neck exercises"]
