"""An exercise programme: exercises (each with its dosage) and articles that a
physiotherapist puts together for one patient, who opens it from an unguessable link.

A programme holds nothing that identifies the patient: the link is the only key, and
anyone who has it can read the programme.
"""

import datetime
import hashlib
import re
import secrets
from dataclasses import replace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from learning.dosage import LIMITS, PERIOD_CHOICES, Dosage, dosage_errors
from learning.models import ArticlePage, ExercisePage

from .identifiers import identifier_error

# 24 random bytes: 192 bits, written as 32 URL-safe characters.
TOKEN_BYTES = 24
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32}")
DEFAULT_LIFETIME = datetime.timedelta(weeks=12)


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token_shaped(text):
    """Whether `text` could be a token at all: checked before any query, so a NUL byte
    or a 10 kB string never reaches the database."""
    return bool(TOKEN_SHAPE.fullmatch(text))


def default_expiry():
    return timezone.localdate() + DEFAULT_LIFETIME


def latest_expiry(today):
    """A year from `today` (29 February moves to the 28th)."""
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def long_date(date):
    return f"{date.day} {date:%B %Y}"


class ProgrammeQuerySet(models.QuerySet):
    def available(self, today=None):
        today = today or timezone.localdate()
        return self.filter(withdrawn_at__isnull=True, expires_on__gte=today)


class Programme(ClusterableModel):
    title = models.CharField(
        max_length=120,
        help_text="What the programme is for, e.g. “Knee strengthening: weeks 1–4”. "
        "No names, dates of birth or contact details.",
    )
    message = models.TextField(
        "Short message",
        max_length=600,
        blank=True,
        help_text="Optional, shown above the exercises, e.g. “Start gently and build up "
        "over the first week.” No names, dates of birth or contact details.",
    )
    token = models.CharField(
        max_length=64, unique=True, default=new_token, editable=False, db_index=True
    )
    expires_on = models.DateField(
        "Available until",
        default=default_expiry,
        help_text="The last day the link works: 12 weeks from today unless you change "
        "it, and at most a year ahead.",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = "exercise programme"
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme_links:page", args=[self.token])

    def handout_path(self):
        return reverse("programme_links:handout", args=[self.token])

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None

    def is_available(self, today=None):
        return not self.is_withdrawn and self.expires_on >= (today or timezone.localdate())

    def status(self):
        if self.is_withdrawn:
            return "Withdrawn"
        return "Available" if self.is_available() else "Expired"

    def withdraw(self):
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["withdrawn_at", "updated_at"])

    def clean(self):
        super().clean()
        errors = {}
        for name in ("title", "message"):
            if message := identifier_error(getattr(self, name)):
                errors[name] = message
        if self.expires_on:
            today = timezone.localdate()
            if self.expires_on < today:
                errors["expires_on"] = (
                    "The date has passed: choose today or a later date, up to a year ahead."
                )
            elif self.expires_on > (last_day := latest_expiry(today)):
                errors["expires_on"] = (
                    f"Choose a date no more than a year ahead (by {long_date(last_day)}); "
                    "give the patient a new programme after that."
                )
        if errors:
            raise ValidationError(errors)

    # What patients see: only live exercises and articles, in the order given.

    def live_exercises(self):
        rows = (
            self.exercises.filter(exercise__in=ExercisePage.objects.live().public())
            .select_related(*(f"exercise__{name}" for name in ExercisePage.SHOWN_WITH_PAGE))
            .select_related("exercise")
            .prefetch_related(*ExercisePage.prefetches("exercise__"))
        )
        return list(rows)

    def live_articles(self):
        public_articles = ArticlePage.objects.live().public()
        return list(self.articles.filter(article__in=public_articles).select_related("article"))

    def content_version(self, exercise_rows, article_rows):
        """Names this programme's content exactly: it changes when the programme is
        saved or any exercise or article in it is published again."""
        revisions = [(row.exercise_id, row.exercise.live_revision_id) for row in exercise_rows] + [
            (row.article_id, row.article.live_revision_id) for row in article_rows
        ]
        digest = hashlib.sha256(repr(revisions).encode()).hexdigest()[:16]
        return f"programme-{self.pk}-{self.updated_at.timestamp():.6f}-{digest}"


def dosage_number(name, help_text):
    # Signed, so an out-of-range entry gets dosage_errors' message, not a generic one.
    return models.SmallIntegerField(
        LIMITS[name][2],
        null=True,
        blank=True,
        help_text=help_text,
    )


class ProgrammeExercise(Orderable):
    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="exercises")
    exercise = models.ForeignKey(
        ExercisePage,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"live": True},
        help_text="Only published exercises are listed.",
    )
    sets = dosage_number("sets", "1–10. Leave empty to keep the exercise’s own.")
    repetitions = dosage_number("repetitions", "1–50. Leave empty to keep the exercise’s own.")
    hold_seconds = dosage_number("hold_seconds", "Seconds, 1–300. Leave empty to keep it.")
    rest_seconds = dosage_number("rest_seconds", "Seconds, 0–600. Leave empty to keep it.")
    times_per_period = dosage_number("times_per_period", "How often, 1–7 …")
    period = models.CharField(
        "…per",
        max_length=4,
        blank=True,
        choices=PERIOD_CHOICES,
        help_text="… a day or a week. Leave both empty to keep the exercise’s own.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "exercise"

    def __str__(self):
        return str(self.exercise) if self.exercise_id else "Exercise"

    def dosage_override(self):
        """The values this programme changes; an empty "…per" keeps the exercise's own
        (a number alone never turns "a week" into "a day")."""
        override = Dosage.from_object(self)
        if not self.period and self.exercise_id:
            override = replace(override, period=self.exercise.period)
        return override

    def dosage(self):
        """The exercise's own dosage with this programme's changes."""
        return self.exercise.dosage.overridden_by(self.dosage_override())

    def clean(self):
        super().clean()
        errors = dosage_errors(self.dosage_override(), complete=False)
        if self.period and self.times_per_period is None and "times_per_period" not in errors:
            errors["times_per_period"] = (
                f"Say how many times a {self.period}, or leave “…per” empty to keep the "
                "exercise’s own."
            )
        if errors:
            raise ValidationError(errors)


class ProgrammeArticle(Orderable):
    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="articles")
    article = models.ForeignKey(
        ArticlePage,
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to={"live": True},
        help_text="An article for the patient to read. Only published articles are listed.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "article"

    def __str__(self):
        return str(self.article) if self.article_id else "Article"
