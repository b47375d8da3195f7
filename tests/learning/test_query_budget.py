"""Each page costs a fixed number of queries, however much it shows: an N+1 fails here.

Measured as a patient's request after the first (Wagtail's site and rendition caches
warm) with the full-page cache out of the way, since that is what a cache miss costs.
"""

import pytest
from wagtail_factories import ImageFactory

from tests.factories import (
    ArticlePageFactory,
    ExerciseLibraryPageFactory,
    ExercisePageFactory,
    PersonFactory,
    TopicFactory,
    article_body,
)

# Issue 5's budgets: article ≤ 8, Learning Centre and topic pages ≤ 10, search ≤ 10.
ARTICLE_BUDGET = 8
LEARNING_CENTRE_BUDGET = 10
TOPIC_BUDGET = 10
SEARCH_BUDGET = 10
HOME_BUDGET = 8
# Issue 12. An exercise page: routing through the Learning Centre and the library, the
# exercise with its steps, images and renditions, its ancestors for the breadcrumbs.
# The library: its exercises, their steps, images and renditions, whatever their number.
# An article's exercise blocks add their exercises, steps, images and renditions, and the
# site's view restrictions (a private exercise is not shown): five queries, however
# many blocks.
EXERCISE_BUDGET = 12
EXERCISE_LIBRARY_BUDGET = 13
ARTICLE_WITH_EXERCISES_BUDGET = ARTICLE_BUDGET + 5


@pytest.fixture
def without_page_cache(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("PageCacheMiddleware")]


@pytest.fixture(params=[1, 50], ids=["1 item", "50 items"])
def site_with(request, clinic, without_page_cache):
    """n articles with images, topics and authors; the first has n blocks and n authors."""
    n = request.param
    knee = TopicFactory(name="Knee")
    first = ArticlePageFactory(
        parent=clinic.learning_centre,
        title="Knee pain guide",
        heading_image=ImageFactory(),
        heading_image_alt="A knee",
        body=article_body() * n,
        authors=[PersonFactory() for _ in range(n)],
        topics=[knee, *[TopicFactory() for _ in range(min(n, 5))]],
    )
    for index in range(n - 1):
        ArticlePageFactory(
            parent=clinic.learning_centre,
            title=f"Knee article {index}",
            heading_image=ImageFactory(),
            heading_image_alt="A knee",
            topics=[knee],
        )
    return clinic, first


def warm_then_count(client, url, django_assert_max_num_queries, budget):
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    return response


def test_article(client, site_with, django_assert_max_num_queries):
    clinic, article = site_with
    warm_then_count(client, article.url, django_assert_max_num_queries, ARTICLE_BUDGET)


def test_learning_centre(client, site_with, django_assert_max_num_queries):
    clinic, _ = site_with
    url = clinic.learning_centre.url
    warm_then_count(client, url, django_assert_max_num_queries, LEARNING_CENTRE_BUDGET)


def test_topic_page(client, site_with, django_assert_max_num_queries):
    clinic, _ = site_with
    url = f"{clinic.learning_centre.url}topic/knee/"
    warm_then_count(client, url, django_assert_max_num_queries, TOPIC_BUDGET)


def test_search(client, site_with, django_assert_max_num_queries):
    response = warm_then_count(
        client, "/search/?q=knee", django_assert_max_num_queries, SEARCH_BUDGET
    )
    found = len(site_with[0].learning_centre.get_children())
    assert f"{found} article{'s' if found > 1 else ''} found".encode() in response.content


def test_home(client, site_with, django_assert_max_num_queries):
    clinic, _ = site_with
    warm_then_count(client, clinic.home.url, django_assert_max_num_queries, HOME_BUDGET)


@pytest.fixture(params=[1, 50], ids=["1 item", "50 items"])
def exercises(request, clinic, without_page_cache):
    """n exercises with three images and n steps each, over five regions, and an
    article with three exercise blocks (two different exercises and a repeat)."""
    n = request.param
    library = ExerciseLibraryPageFactory(parent=clinic.learning_centre)
    regions = [TopicFactory() for _ in range(5)]
    made = [
        ExercisePageFactory(
            parent=library,
            body_region=regions[index % 5],
            steps=[f"Step {step}." for step in range(n)] or None,
            images=[(ImageFactory(), f"Position {picture}") for picture in range(3)],
        )
        for index in range(n if n > 1 else 2)
    ]
    no_change = dict.fromkeys(
        ("sets", "repetitions", "hold_seconds", "rest_seconds", "times_per_period")
    )
    blocks = [
        ("exercise", {"exercise": exercise, **no_change, "period": "", "repetitions": 12})
        for exercise in (made[0], made[1], made[0])
    ]
    article = ArticlePageFactory(
        parent=clinic.learning_centre, body=[*article_body(), *blocks] * (1 if n == 1 else 3)
    )
    return library, made[0], article


def test_exercise_page(client, exercises, django_assert_max_num_queries):
    _, exercise, _ = exercises
    response = warm_then_count(client, exercise.url, django_assert_max_num_queries, EXERCISE_BUDGET)
    assert response.content.count(b'class="exercise__figure"') == 3


def test_exercise_library(client, exercises, django_assert_max_num_queries):
    library, _, _ = exercises
    warm_then_count(client, library.url, django_assert_max_num_queries, EXERCISE_LIBRARY_BUDGET)


def test_article_with_exercise_blocks(client, exercises, django_assert_max_num_queries):
    _, _, article = exercises
    response = warm_then_count(
        client, article.url, django_assert_max_num_queries, ARTICLE_WITH_EXERCISES_BUDGET
    )
    shown = response.content.count(b'class="article-section article-exercise"')
    assert shown == len([b for b in article.body if b.block_type == "exercise"])
