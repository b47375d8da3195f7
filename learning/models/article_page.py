"""An article: what physiotherapists write and clinicians review, as patients read it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils.text import slugify

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from clinic_site.page_cache import cached_for_generation
from clinic_site.seo import public_url
from clinic_site.seo.structured_data import breadcrumb_list, medical_web_page

from ..blocks import ARTICLE_BODY_BLOCKS, REFERENCE_BLOCKS, referenced_numbers
from ..forms import ArticlePageForm
from ..panels import DraftInlinePanel, ReadingLevelPanel
from ..reading_level import block_pieces, plain_text, reading_grade
from .handout_route import HandoutMixin
from .heading_image import HeadingImageMixin
from .reviewed_page import ClinicallyReviewedMixin
from .site_settings import LearningCentreSettings
from .snippets import Disclaimer, Person, Topic

# Open Graph's recommended 1.91:1 link-preview size; `fill-` crops around the image's
# focal point, like the heading image (HEADING_IMAGE_RATIO in heading_image.py).
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
RELATED_ARTICLES = 3


class ArticlePageQuerySet(PageQuerySet):
    def with_card_images(self):
        """Heading images and all their renditions in two queries, however many cards."""
        return self.select_related("heading_image").prefetch_related("heading_image__renditions")


class ArticlePage(HandoutMixin, ClinicallyReviewedMixin, HeadingImageMixin, Page):  # noqa: DJ008 - Page has __str__
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

    references = StreamField(
        REFERENCE_BLOCKS,
        blank=True,
        help_text="Sources, shown to patients as a numbered list at the end. A benefit "
        "or precaution points at one by its number.",
    )
    # Both are filled in when a clinical reviewer approves the article in Clinical
    # review; publishing directly still needs them (see ArticlePageForm).
    clinical_reviewer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_articles",
        help_text="The clinician who checked this article. Shown to patients with "
        "their credentials. Leave empty: the clinician who approves it is recorded.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When a clinician last checked the whole article. Set to the day a "
        "clinical reviewer approves it.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="Leave empty to use the review interval (3 years unless the Learning "
        "Centre settings say otherwise).",
    )
    topics = ParentalManyToManyField(
        Topic,
        blank=True,
        related_name="articles",
        help_text="The subjects patients may browse to find this article.",
    )
    reading_grade = models.FloatField(
        null=True,
        editable=False,
        help_text="Flesch–Kincaid grade of the summary and body, worked out on save.",
    )

    objects = PageManager.from_queryset(ArticlePageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        HeadingImageMixin.heading_image_panel,
        FieldPanel("body"),
        FieldPanel("references"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("top_disclaimer"), FieldPanel("closing_note")],
            heading="Disclaimers",
        ),
    ]
    review_panels = [
        DraftInlinePanel(
            "authors",
            heading="Authors",
            label="Author",
            min_num=1,
            help_text="Who wrote this article. Shown to patients.",
        ),
        FieldPanel("clinical_reviewer"),
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")]),
        ReadingLevelPanel(heading="Reading level"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(review_panels, heading="Review"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    base_form_class = ArticlePageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["learning.LearningCentreIndexPage"]
    subpage_types = []

    # Loaded with the page when patients read it (see LearningCentreIndexPage.route).
    SHOWN_WITH_PAGE = ("heading_image", "clinical_reviewer", "top_disclaimer", "closing_note")

    class Meta:
        verbose_name = "Article"

    @staticmethod
    def prefetches():
        return (
            models.Prefetch("authors", queryset=ArticleAuthor.objects.select_related("person")),
            "topics",
        )

    def readable_sections(self):
        """(heading, plain text) for each body block the article's writer wrote, in order."""
        sections = []
        for block in self.body:
            if block.block_type == "exercise":
                # An exercise's words are its own page's, graded and reviewed there;
                # the writer of this article cannot change them.
                continue
            pieces = block_pieces(block.block, block.value)
            heading = block.value.get("heading") or block.block.label
            sections.append((heading, plain_text(pieces)))
        return sections

    def section_reading_grades(self):
        return [(heading, reading_grade(text)) for heading, text in self.readable_sections()]

    def compute_reading_grade(self):
        texts = [plain_text([self.summary or ""])] + [t for _, t in self.readable_sections()]
        return reading_grade(" ".join(filter(None, texts)))

    def learning_settings(self, site_page=None):
        """The Learning Centre settings of the site this article (or, for a new one, its
        parent `site_page`) belongs to."""
        return LearningCentreSettings.for_site((site_page or self).get_site())

    def clean(self):
        super().clean()
        errors = self.review_date_errors()
        missing = sorted(n for n in referenced_numbers(self.body) if n > len(self.references))
        if missing:
            numbers = ", ".join(str(n) for n in missing)
            errors["body"] = (
                f"A list item points at reference {numbers}, but the References list has "
                f"only {len(self.references)}. Add the reference or correct the number."
            )
        if errors:
            raise ValidationError(errors)
        self.reading_grade = self.compute_reading_grade()

    def body_with_anchors(self):
        """Each body block with the anchor its heading gets (None for blocks without one).
        Anchors come from the heading text, so links to a section survive edits elsewhere."""
        seen = {}
        result = []
        for block in self.body:
            heading = block.value.get("heading") if block.block_type != "callout" else None
            anchor = None
            if heading:
                base = slugify(heading) or "section"
                seen[base] = seen.get(base, 0) + 1
                anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
            result.append((block, anchor))
        return result

    def related_articles(self, topics):
        """Up to three live articles sharing the most topics with this one, newest first;
        the newest articles when none share a topic."""
        siblings = (
            ArticlePage.objects.live().public().sibling_of(self, inclusive=False).with_card_images()
        )
        topic_ids = [topic.pk for topic in topics]
        if topic_ids:
            sharing = (
                siblings.filter(topics__in=topic_ids)
                .annotate(shared_topics=Count("topics", filter=Q(topics__in=topic_ids)))
                .order_by("-shared_topics", "-first_published_at")
            )
            related = list(sharing[:RELATED_ARTICLES])
            if related:
                return related
        return list(siblings.order_by("-first_published_at")[:RELATED_ARTICLES])

    def structured_data(self, request, context):
        url = context["canonical_url"]
        learning_centre = context["learning_centre"]
        home = learning_centre.get_parent()
        image_url = (
            request.build_absolute_uri(self.heading_image.get_rendition(SHARE_IMAGE_SPEC).url)
            if self.heading_image
            else None
        )
        return [
            medical_web_page(
                self, url, context["authors"], context["article_topics"], image_url=image_url
            ),
            breadcrumb_list(
                [
                    ("Home", public_url(request, home.get_url(request))),
                    (learning_centre.title, public_url(request, learning_centre.get_url(request))),
                    (self.title, url),
                ]
            ),
        ]

    def related_articles_to_cache(self, topics):
        related = self.related_articles(topics)
        for article in related:
            # Renditions made after this prefetch would be missing from the cached copy;
            # without it, Wagtail's own rendition cache answers.
            if article.heading_image:
                article.heading_image._prefetched_objects_cache.pop("renditions", None)
        return related

    def get_meta_description(self):
        return self.search_description or self.summary

    @property
    def status_string(self):
        # Wagtail's listings say "in moderation"; editors know the step as Clinical review.
        in_review = self.workflow_in_progress and not self.approved_schedule
        if in_review and (self.live or not self.expired):
            step = self.current_workflow_state.workflow.name
            return f"live + in {step}" if self.live else f"in {step}"
        return super().status_string

    def disclaimers(self, learning_settings):
        """The top disclaimer and closing note patients see: the article's own choice,
        else the clinic default. Unpublished disclaimers are never shown."""

        def pick(chosen, default):
            for disclaimer in (chosen, default):
                if disclaimer is not None and disclaimer.live:
                    return disclaimer
            return None

        return (
            pick(self.top_disclaimer, learning_settings.default_top_disclaimer),
            pick(self.closing_note, learning_settings.default_closing_note),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        learning_settings = LearningCentreSettings.for_request(request)
        context["top_disclaimer"], context["closing_note"] = self.disclaimers(learning_settings)
        context["learning_centre"] = self.get_parent().specific
        context["authors"] = [link.person for link in self.authors.all()]
        context["article_topics"] = topics = list(self.topics.all())
        context["related_articles"] = (
            self.related_articles(topics)
            if getattr(request, "is_preview", False)
            else cached_for_generation(
                f"related-articles:{self.pk}", lambda: self.related_articles_to_cache(topics)
            )
        )
        context["learning_centre_feed_url"] = context["learning_centre"].feed_url(request)
        context["canonical_url"] = public_url(request, self.get_url(request))
        context["structured_data"] = self.structured_data(request, context)
        context["body_with_anchors"] = body = self.body_with_anchors()
        context["contents"] = [(anchor, block.value["heading"]) for block, anchor in body if anchor]
        return context


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Choose the author from the People list.",
    )

    panels = [FieldPanel("person")]

    def __str__(self):
        return str(self.person)
