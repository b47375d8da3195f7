"""The Learning Centre's pages: its index and the articles physiotherapists write."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import ARTICLE_BODY_BLOCKS
from .snippets import Disclaimer

__all__ = ["ArticlePage", "Disclaimer", "LearningCentreIndexPage"]

ARTICLES_PER_PAGE = 12


class HeadingImageMixin(models.Model):
    """A heading image and the alt text patients' screen readers announce."""

    heading_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Wide image shown at the top of the page.",
    )
    heading_image_alt = models.CharField(
        "Heading image description (alt text)",
        max_length=200,
        blank=True,
        help_text="Describe the image for patients who cannot see it, "
        "e.g. “A physiotherapist guiding a patient through a knee exercise”.",
    )

    heading_image_panel = MultiFieldPanel(
        [FieldPanel("heading_image"), FieldPanel("heading_image_alt")],
        heading="Heading image",
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.heading_image_id and not self.heading_image_alt.strip():
            raise ValidationError(
                {
                    "heading_image_alt": "Describe the heading image for patients who use "
                    "screen readers, or remove the image."
                }
            )


def _page_number(raw_value, last_page):
    """The nearest valid page number for whatever a patient's URL says."""
    try:
        number = int(raw_value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), last_page)


class LearningCentreIndexPage(HeadingImageMixin, Page):  # noqa: DJ008 - Page has __str__
    intro = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown to patients above the list of articles.",
    )

    content_panels = [
        *Page.content_panels,
        HeadingImageMixin.heading_image_panel,
        FieldPanel("intro"),
    ]

    parent_page_types = ["clinic_site.HomePage"]
    subpage_types = ["learning.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "Learning Centre"

    def articles(self):
        return (
            ArticlePage.objects.live()
            .public()
            .child_of(self)
            .select_related("heading_image")
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.articles(), ARTICLES_PER_PAGE)
        context["articles_page"] = paginator.page(
            _page_number(request.GET.get("page"), paginator.num_pages)
        )
        return context


class ArticlePage(HeadingImageMixin, Page):  # noqa: DJ008 - Page has __str__
    summary = models.TextField(
        max_length=300,
        help_text="One or two plain sentences. Shown in the Learning Centre list and "
        "to search engines.",
    )
    body = StreamField(
        ARTICLE_BODY_BLOCKS,
        help_text="Build the article from sections, a benefits list, a risks section and notes.",
    )
    top_disclaimer = models.ForeignKey(
        Disclaimer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown to patients above the article. Leave empty to use the "
        "clinic's default medical-advice disclaimer.",
    )
    closing_note = models.ForeignKey(
        Disclaimer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown to patients at the end of the article. Leave empty to use the "
        "clinic's default closing note.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        HeadingImageMixin.heading_image_panel,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("top_disclaimer"), FieldPanel("closing_note")],
            heading="Disclaimers",
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["learning.LearningCentreIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Article"

    def get_meta_description(self):
        return self.search_description or self.summary

    def disclaimers(self, clinic_settings):
        """The top disclaimer and closing note patients see: the article's own choice,
        else the clinic default. Unpublished disclaimers are never shown."""

        def pick(chosen, default):
            for disclaimer in (chosen, default):
                if disclaimer is not None and disclaimer.live:
                    return disclaimer
            return None

        return (
            pick(self.top_disclaimer, clinic_settings.default_top_disclaimer),
            pick(self.closing_note, clinic_settings.default_closing_note),
        )

    def get_context(self, request, *args, **kwargs):
        # clinic_site.models imports this module, so the setting is imported late.
        from clinic_site.models import ClinicSettings

        context = super().get_context(request, *args, **kwargs)
        clinic_settings = ClinicSettings.for_request(request)
        context["top_disclaimer"], context["closing_note"] = self.disclaimers(clinic_settings)
        context["learning_centre"] = self.get_parent()
        return context
