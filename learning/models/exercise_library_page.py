"""The exercise library: every live exercise, grouped by the part of the body it works."""

from itertools import groupby

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .exercise_page import ExercisePage


class ExerciseLibraryPage(Page):  # noqa: DJ008 - Page has __str__
    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown to patients above the list of exercises.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["learning.LearningCentreIndexPage"]
    subpage_types = ["learning.ExercisePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Exercise library"

    def exercises(self):
        return (
            ExercisePage.objects.live()
            .public()
            .child_of(self)
            .select_related(*ExercisePage.SHOWN_WITH_PAGE)
            .prefetch_related(*ExercisePage.prefetches())
            .order_by("body_region__name", "title")
        )

    def exercises_by_region(self):
        """[(region, [exercise, …]), …], regions in alphabetical order."""
        return [
            (region, list(exercises))
            for region, exercises in groupby(self.exercises(), key=lambda e: e.body_region)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["regions"] = self.exercises_by_region()
        return context
