"""One sample exercise programme, so the demo shows what a patient opens from the link
their physiotherapist gives them.

The programme is found again by its title and kept, so its link stays the same however
often the loader runs; once it has expired or been withdrawn, it is given a new expiry
date and made available again, so the link `make run` prints always opens.
"""

from django.conf import settings
from django.utils import timezone

from programmes.models import Programme, ProgrammeArticle, ProgrammeExercise, default_expiry

PROGRAMME = {
    "title": "Knee strengthening – first weeks",
    "message": (
        "Start gently and build up a little each week. Try to do these on most days. If "
        "anything worries you, stop and get in touch with us."
    ),
    # (exercise slug, this programme's changes to the exercise's own dosage)
    "exercises": [
        ("seated-knee-straightening", {}),
        ("straight-leg-raise", {"sets": 2}),
        ("heel-slides", {}),
        ("bridging", {"sets": 2, "repetitions": 8}),
    ],
    "articles": ["therapeutic-exercise"],
}


def ensure_sample_programme(exercises, articles, created_by, write):
    """The sample programme, created once; `exercises` and `articles` are {slug: page}."""
    programme = Programme.objects.filter(title=PROGRAMME["title"]).order_by("created_at").first()
    if programme is None:
        programme = Programme(
            title=PROGRAMME["title"],
            message=PROGRAMME["message"],
            expires_on=default_expiry(),
            created_by=created_by,
        )
        programme.exercises = [
            ProgrammeExercise(exercise=exercises[slug], **changes)
            for slug, changes in PROGRAMME["exercises"]
        ]
        programme.articles = [
            ProgrammeArticle(article=articles[slug])
            for slug in PROGRAMME["articles"]
            if slug in articles
        ]
        programme.full_clean()
        programme.save()
        write(f"Created the sample exercise programme “{programme.title}”.")
    elif programme.expires_on < timezone.localdate() or programme.withdrawn_at is not None:
        programme.expires_on = max(programme.expires_on, default_expiry())
        programme.withdrawn_at = None
        programme.save(update_fields=["expires_on", "withdrawn_at", "updated_at"])
        write(f"The sample exercise programme's link works again until {programme.expires_on}.")
    return programme


def programme_link(programme):
    """The programme's address on the site the demo serves (`make run` passes the
    address it serves on as WAGTAILADMIN_BASE_URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + programme.get_absolute_url()
