"""The exercise library: every live exercise, grouped by the part of the body it works."""

from itertools import groupby

from django.utils.html import strip_tags

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from clinic_site.seo import public_url

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
        context["regions"] = regions = self.exercises_by_region()
        context["exercise_count"] = sum(len(exercises) for _, exercises in regions)
        context["learning_centre"] = self.get_parent()
        context["canonical_url"] = public_url(request, self.get_url(request))
        return context

    def get_meta_description(self):
        return self.search_description or strip_tags(self.intro).strip()

    def route(self, request, path_components):
        # An exercise is fetched with everything its page shows in one query and its
        # prefetches, as the Learning Centre fetches an article; anything else (a wrong
        # slug, a draft) goes through Wagtail's own routing and its 404.
        if path_components:
            exercise = (
                ExercisePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*ExercisePage.SHOWN_WITH_PAGE)
                .prefetch_related(*ExercisePage.prefetches())
                .first()
            )
            if exercise is not None:
                exercise._cached_parent_obj = self
                return exercise.route(request, path_components[1:])
        return super().route(request, path_components)
