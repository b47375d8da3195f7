"""Builds the demo exercise library and shows three of its exercises in the
therapeutic-exercise article. Like the rest of the demo loader, it keeps what exists:
an exercise is found again by its slug, and the article gains its exercises once."""

import datetime

from clinic_site.demo import exercises as content
from clinic_site.demo.exercise_drawings import draw_exercise_image
from clinic_site.demo.images import get_or_create_image
from learning.models import (
    ArticlePage,
    ExerciseImage,
    ExerciseLibraryPage,
    ExercisePage,
    ExerciseStep,
)

# The exercise blocks added to the therapeutic-exercise article, after a short section
# that introduces them. One asks for less than the exercise's own dosage: a gentler start.
ARTICLE_SLUG = "therapeutic-exercise"
ARTICLE_SECTION = {
    "heading": "What do home exercises look like?",
    "text": (
        "<p>Here are three exercises we often give. Your physiotherapist will tell you "
        "which ones suit you and how much to do.</p>"
    ),
}
ARTICLE_EXERCISES = [
    ("seated-knee-straightening", {"sets": 2, "times_per_period": 1, "period": "day"}),
    ("pelvic-tilt", {}),
    ("chin-tuck", {}),
]
NO_OVERRIDE = dict.fromkeys(
    ("sets", "repetitions", "hold_seconds", "rest_seconds", "times_per_period"), None
)


def ensure_library(learning_centre, write):
    library = ExerciseLibraryPage.objects.child_of(learning_centre).first()
    if library is None:
        library = learning_centre.add_child(instance=ExerciseLibraryPage(**content.LIBRARY))
        library.save_revision().publish()
        write("Created the exercise library.")
    return library


def ensure_exercises(library, reviewer, topics, review_interval_years, write):
    """{slug: exercise} for every demo exercise, creating the missing ones."""
    existing = {page.slug: page for page in ExercisePage.objects.child_of(library)}
    for values in content.EXERCISES:
        if values["slug"] not in existing:
            exercise = create_exercise(
                library, values, reviewer, topics[values["region"]], review_interval_years
            )
            existing[exercise.slug] = exercise
            write(f"Created the exercise “{exercise.title}”.")
    return existing


def create_exercise(library, values, reviewer, region, review_interval_years):
    exercise = ExercisePage(
        title=values["title"],
        slug=values["slug"],
        purpose=values["purpose"],
        starting_position=values["starting_position"],
        **values["dosage"],
        stop_if="\n".join(values["stop_if"]),
        equipment=values["equipment"],
        difficulty=values["difficulty"],
        body_region=region,
        clinical_reviewer=reviewer,
        last_reviewed=datetime.date.today() - datetime.timedelta(days=values["reviewed_days_ago"]),
    )
    exercise.next_review_due = exercise.default_next_review(review_interval_years)
    exercise.steps = [ExerciseStep(text=text) for text in values["steps"]]
    exercise.images = [
        ExerciseImage(
            image=get_or_create_image(
                title=f"{values['title']}: picture {number}",
                filename=f"exercise-{values['slug']}-{number}.png",
                data=draw_exercise_image(drawing),
            ),
            alt_text=alt_text,
        )
        for number, (drawing, alt_text) in enumerate(values["images"], start=1)
    ]
    library.add_child(instance=exercise)
    # Published as a revision, so the live revision holds the steps and images too.
    exercise.save_revision().publish()
    return exercise


def add_exercises_to_article(learning_centre, exercises, write):
    """The therapeutic-exercise article gains its three exercises, once. An article
    that already shows an exercise, or has changes waiting in a draft, is left alone."""
    article = ArticlePage.objects.child_of(learning_centre).filter(slug=ARTICLE_SLUG).first()
    if article is None or article.has_unpublished_changes:
        return
    if any(block.block_type == "exercise" for block in article.body):
        return
    child_blocks = article.body.stream_block.child_blocks
    headings = {block.value.get("heading") for block in article.body}
    new_blocks = []
    if ARTICLE_SECTION["heading"] not in headings:
        new_blocks.append(("section", child_blocks["section"].to_python(ARTICLE_SECTION)))
    for slug, override in ARTICLE_EXERCISES:
        raw = {**NO_OVERRIDE, "period": "", **override, "exercise": exercises[slug].pk}
        new_blocks.append(("exercise", child_blocks["exercise"].to_python(raw)))
    # After the explanatory sections, before the list of benefits.
    kinds = [block.block_type for block in article.body]
    position = kinds.index("benefits") if "benefits" in kinds else len(kinds)
    for offset, block in enumerate(new_blocks):
        article.body.insert(position + offset, block)
    article.save_revision().publish()
    write(f"Added {len(ARTICLE_EXERCISES)} exercises to the article “{article.title}”.")
