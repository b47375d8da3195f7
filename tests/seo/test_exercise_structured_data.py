"""Exercise pages tell search engines what the exercise is: a schema.org ExercisePlan
(how many, how long, how often, where in the body), who reviewed it, and where it sits."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from clinic_site.seo.structured_data import exercise_plan, iso_duration
from tests.factories import ExercisePageFactory, PersonFactory, TopicFactory


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    scripts = BeautifulSoup(response.content, "html.parser").find_all(
        "script", type="application/ld+json"
    )
    return {data["@type"]: data for data in (json.loads(s.string) for s in scripts)}


@pytest.fixture
def exercise(exercise_library):
    return ExercisePageFactory(
        parent=exercise_library,
        title="Wall sit",
        slug="wall-sit",
        purpose="Builds strength in your thighs without bending far.",
        body_region=TopicFactory(name="Knee", slug="knee"),
        sets=3,
        repetitions=None,
        hold_seconds=20,
        rest_seconds=90,
        times_per_period=4,
        period="week",
        difficulty="moderate",
        clinical_reviewer=PersonFactory(
            name="Jo Lindqvist", profession="Physiotherapist", credentials="PT, DPT"
        ),
        last_reviewed=datetime.date(2026, 2, 3),
    )


def test_the_exercise_page_describes_an_exercise_plan(client, exercise):
    plan = json_ld(client, exercise.url)["ExercisePlan"]

    assert plan["@context"] == "https://schema.org"
    assert plan["name"] == "Wall sit"
    assert plan["description"] == "Builds strength in your thighs without bending far."
    assert plan["url"] == "http://testserver/learning-centre/exercises/wall-sit/"
    assert plan["image"].startswith("http://testserver/")
    assert plan["activityFrequency"] == "4 times a week"
    assert plan["workload"] == {
        "@type": "QuantitativeValue",
        "value": 20,
        "unitCode": "SEC",
        "unitText": "seconds held",
    }
    assert plan["restPeriods"] == "PT1M30S"
    assert "repetitions" not in plan  # a hold, not counted
    assert plan["additionalVariable"] == "Hold for 20 seconds, 3 times, 4 times a week"
    assert plan["associatedAnatomy"] == {"@type": "AnatomicalStructure", "name": "Knee"}
    assert plan["exerciseType"] == "Moderate home exercise"
    assert plan["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    page = plan["mainEntityOfPage"]
    assert page["@type"] == "MedicalWebPage"
    assert page["url"] == plan["url"]
    assert page["lastReviewed"] == "2026-02-03"
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "Jo Lindqvist",
        "jobTitle": "Physiotherapist",
        "honorificSuffix": "PT, DPT",
    }


def test_counted_exercises_give_their_repetitions(client, exercise_library):
    counted = ExercisePageFactory(parent=exercise_library, slug="knee-bends")
    plan = json_ld(client, counted.url)["ExercisePlan"]
    assert plan["repetitions"] == 10
    assert plan["activityFrequency"] == "twice a day"
    assert plan["restPeriods"] == "PT30S"
    assert "workload" not in plan


def test_breadcrumbs_lead_from_home_to_the_exercise(client, exercise):
    crumbs = json_ld(client, exercise.url)["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Home", "http://testserver/"),
        (2, "Learning Centre", "http://testserver/learning-centre/"),
        (3, "Exercises", "http://testserver/learning-centre/exercises/"),
        (4, "Wall sit", "http://testserver/learning-centre/exercises/wall-sit/"),
    ]


def test_the_public_address_is_used(client, exercise, settings):
    settings.PUBLIC_BASE_URL = "https://physio.example"
    plan = json_ld(client, exercise.url)["ExercisePlan"]
    assert plan["url"] == "https://physio.example/learning-centre/exercises/wall-sit/"
    assert plan["image"].startswith("https://physio.example/")


@pytest.mark.parametrize(
    ("seconds", "iso"), [(0, "PT0S"), (30, "PT30S"), (60, "PT1M"), (90, "PT1M30S"), (600, "PT10M")]
)
def test_rest_is_an_iso_8601_duration(seconds, iso):
    assert iso_duration(seconds) == iso


def test_the_builder_takes_plain_values_and_leaves_out_what_is_missing():
    plan = exercise_plan(
        name="Chin tucks",
        description="Eases a stiff neck.",
        url="https://physio.example/x/",
        dosage={"repetitions": 10, "frequency": "3 times a day"},
    )
    assert plan["repetitions"] == 10
    assert plan["activityFrequency"] == "3 times a day"
    for absent in ("image", "workload", "restPeriods", "associatedAnatomy", "exerciseType"):
        assert absent not in plan
    assert plan["mainEntityOfPage"] == {
        "@type": "MedicalWebPage",
        "url": "https://physio.example/x/",
    }
