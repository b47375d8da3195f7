"""Creates realistic articles for benchmarks, with the factories the tests use.

    python tools/create_benchmark_data.py --articles 1000

Development only (it needs requirements-dev.txt); run with the settings and database
of the site to fill (DJANGO_SETTINGS_MODULE, DATABASE_URL).

Articles get topics, one of a pool of heading images, authors and a full body.
Running it again tops the Learning Centre up to the number asked for.
"""

import argparse
import os
import random
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.dev")
django.setup()

from wagtail_factories import ImageFactory  # noqa: E402

from django.db import connection, transaction  # noqa: E402

from learning.models import ArticlePage, LearningCentreIndexPage, Topic  # noqa: E402
from tests.factories import ArticlePageFactory, PersonFactory, TopicFactory  # noqa: E402

TOPIC_NAMES = ["Ankle", "Back", "Exercise", "Hip", "Knee", "Neck", "Pain", "Shoulder"]
IMAGE_POOL = 20
BATCH = 100


def create_articles(learning_centre, existing, missing):
    """`missing` more articles with topics, one of a pool of images, authors and a body."""
    rng = random.Random(2026)  # noqa: S311 - repeatable data, not security
    topics = [
        Topic.objects.filter(slug=n.lower()).first() or TopicFactory(name=n) for n in TOPIC_NAMES
    ]
    images = [ImageFactory(title=f"Benchmark image {n}") for n in range(IMAGE_POOL)]
    people = [PersonFactory() for _ in range(10)]
    created = 0
    while created < missing:
        with transaction.atomic():
            for _ in range(min(BATCH, missing - created)):
                number = existing + created + 1
                ArticlePageFactory(
                    parent=learning_centre,
                    title=f"{rng.choice(TOPIC_NAMES)} care guide {number}",
                    slug=f"benchmark-article-{number}",
                    heading_image=rng.choice(images),
                    heading_image_alt="An illustration for the article",
                    authors=rng.sample(people, 2),
                    clinical_reviewer=rng.choice(people),
                    topics=rng.sample(topics, 2),
                )
                created += 1
        show_progress(created, missing)
    sys.stderr.write("\n")
    return created


def show_progress(done, total, width=40):
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles")
    sys.stderr.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    wanted = parser.parse_args().articles
    learning_centre = LearningCentreIndexPage.objects.first()
    if learning_centre is None:
        sys.exit("No Learning Centre yet: run manage.py load_demo_content first.")
    existing = ArticlePage.objects.child_of(learning_centre).count()
    missing = max(wanted - existing, 0)
    if not missing:
        print(f"The Learning Centre already has {existing} articles.")
        return
    created = create_articles(learning_centre, existing, missing)
    if connection.vendor == "postgresql":
        # Fresh statistics, as autovacuum would soon give a real site: without them
        # the planner guesses one row where there are thousands.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"Created {created} articles ({existing + created} in all).")


if __name__ == "__main__":
    main()
