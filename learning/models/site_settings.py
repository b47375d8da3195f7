"""The Learning Centre's policy, per site: default disclaimers, the review interval and
window, the reading-grade target and the sole-author rule."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from clinic_site.page_cache import cached_for_generation

from ..reviews import DEFAULT_DUE_SOON_DAYS, DEFAULT_REVIEW_INTERVAL_YEARS


@register_setting(icon="folder-open-inverse")
class LearningCentreSettings(BaseSiteSetting):
    default_top_disclaimer = models.ForeignKey(
        "learning.Disclaimer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown above every article that does not choose its own.",
    )
    default_closing_note = models.ForeignKey(
        "learning.Disclaimer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the end of every article that does not choose its own.",
    )
    review_interval_years = models.PositiveSmallIntegerField(
        default=DEFAULT_REVIEW_INTERVAL_YEARS,
        help_text="How long after a clinical review the next one falls due, in years.",
    )
    review_due_soon_days = models.PositiveSmallIntegerField(
        default=DEFAULT_DUE_SOON_DAYS,
        help_text="How many days ahead the review report and reminders look.",
    )
    target_reading_grade = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        default=8,
        help_text="Articles should read at this school grade or below (6–8 suits most "
        "patients). Reviewers are warned when an article is harder.",
    )
    reviewer_may_be_sole_author = models.BooleanField(
        default=False,
        help_text="Allow the only author of an article to be its clinical reviewer too.",
    )

    search_synonyms = models.TextField(
        "Search synonyms",
        blank=True,
        help_text="Words patients use for the same thing, one group per line, separated by "
        "commas, e.g. “physio, physiotherapy, physical therapy”. A search for one word "
        "also finds articles that use the others.",
    )

    select_related = ["default_top_disclaimer", "default_closing_note"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("default_top_disclaimer"), FieldPanel("default_closing_note")],
            heading="Default disclaimers",
        ),
        MultiFieldPanel(
            [
                FieldPanel("review_interval_years"),
                FieldPanel("review_due_soon_days"),
                FieldPanel("target_reading_grade"),
                FieldPanel("reviewer_may_be_sole_author"),
            ],
            heading="Clinical review",
        ),
        MultiFieldPanel([FieldPanel("search_synonyms")], heading="Search"),
    ]

    class Meta:
        verbose_name = "Learning Centre settings"

    @classmethod
    def for_site(cls, site):
        # Every article reads these; saving them starts a new page-cache generation, so
        # a kept copy is never out of date.
        if site is None:
            return super().for_site(site)
        return cached_for_generation(
            f"learning-centre-settings:{site.pk}",
            lambda: super(LearningCentreSettings, cls).for_site(site),
        )
