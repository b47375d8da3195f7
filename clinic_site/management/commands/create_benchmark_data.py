"""Creates realistic articles for benchmarks, with the factories the tests use.

    manage.py create_benchmark_data --articles 1000

Articles get topics, one of a pool of heading images, authors and a full body.
Running it again tops the Learning Centre up to the number asked for.
"""

import random
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from learning.models import ArticlePage, LearningCentreIndexPage, Topic

TOPIC_NAMES = ["Ankle", "Back", "Exercise", "Hip", "Knee", "Neck", "Pain", "Shoulder"]
IMAGE_POOL = 20
BATCH = 100


class Command(BaseCommand):
    help = "Fill the Learning Centre with N realistic articles (default 1,000)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)

    def handle(self, *args, articles, **options):
        try:
            from wagtail_factories import ImageFactory

            from tests.factories import ArticlePageFactory, PersonFactory, TopicFactory
        except ImportError as error:
            raise CommandError(
                f"Benchmark data needs the test tools ({error}): "
                "pip install -r requirements-dev.txt"
            ) from error

        learning_centre = LearningCentreIndexPage.objects.first()
        if learning_centre is None:
            raise CommandError("No Learning Centre yet: run manage.py load_demo_content first.")
        existing = ArticlePage.objects.child_of(learning_centre).count()
        missing = max(articles - existing, 0)
        if not missing:
            self.stdout.write(f"The Learning Centre already has {existing} articles.")
            return

        rng = random.Random(2026)  # noqa: S311 - repeatable data, not security
        topics = [
            Topic.objects.filter(slug=n.lower()).first() or TopicFactory(name=n)
            for n in TOPIC_NAMES
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
            self.progress(created, missing)
        sys.stderr.write("\n")
        if connection.vendor == "postgresql":
            # Fresh statistics, as autovacuum would soon give a real site: without them
            # the planner guesses one row where there are thousands.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Created {created} articles ({existing + created} in all).")
        )

    def progress(self, done, total, width=40):
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles")
        sys.stderr.flush()
