"""An exercise patients do at home: what it is for, how to do it, how much, and when to
stop. Clinical content, so it has drafts, revisions and Clinical review like an article."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from modelcluster.fields import ParentalKey
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Orderable, Page
from wagtail.search import index

from clinic_site.seo import public_url
from clinic_site.seo.structured_data import breadcrumb_list, exercise_plan

from ..dosage import LIMITS, PER_DAY, PERIOD_CHOICES, Dosage, dosage_errors
from ..forms import ExercisePageForm
from ..panels import DraftInlinePanel
from .handout_route import HandoutMixin
from .reviewed_page import ClinicallyReviewedMixin
from .site_settings import LearningCentreSettings
from .snippets import Person, Topic

MAX_IMAGES = 3
# The image search engines and link previews show: the first one, whole.
SHARE_IMAGE_SPEC = "width-1200|format-jpeg"


class Difficulty(models.TextChoices):
    GENTLE = "gentle", "Gentle"
    MODERATE = "moderate", "Moderate"
    HARDER = "harder", "Harder"


def dosage_field(name, **kwargs):
    lowest, highest, label = LIMITS[name]
    # Signed, so "-1" gets the dosage's own "between 1 and 10" message, not Django's.
    return models.SmallIntegerField(label, null=True, blank=True, **kwargs)


def allowed_video_hosts():
    """Hosts an exercise video may come from (setting EXERCISE_VIDEO_HOSTS; none by
    default, so no third party is shown to patients until the clinic chooses one)."""
    return [host.lower() for host in getattr(settings, "EXERCISE_VIDEO_HOSTS", [])]


def _own_required_message(db_field):
    """The model field's own message for a missing value, if it has one."""
    for key in ("blank", "null"):
        message = db_field.error_messages.get(key)
        if message and str(message) != str(models.Field.default_error_messages[key]):
            return message
    return None


class RowsInlinePanel(DraftInlinePanel):
    """Steps and images: a row missing its text, image or description is refused with
    the model field's own words ("Describe what the image shows…"), not Django's
    "This field is required."."""

    def get_form_options(self):
        options = super().get_form_options()
        row_options = options["formsets"][self.relation_name]
        model = self.db_field.related_model
        base = row_options.get("form", WagtailAdminModelForm)

        class RowForm(base):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name, field in self.fields.items():
                    try:
                        message = _own_required_message(model._meta.get_field(name))
                    except FieldDoesNotExist:
                        continue
                    if message:
                        field.error_messages = {**field.error_messages, "required": message}

        row_options["form"] = RowForm
        return options


class ExercisePage(HandoutMixin, ClinicallyReviewedMixin, Page):  # noqa: DJ008 - Page has __str__
    purpose = models.TextField(
        "What it is for",
        max_length=300,
        help_text="One or two plain sentences, e.g. “Strengthens the muscles at the front "
        "of the thigh, which support the knee.”",
    )
    starting_position = models.TextField(
        max_length=400,
        help_text="How the patient starts, e.g. “Sit on a firm chair with your feet flat "
        "on the floor.”",
    )
    sets = dosage_field("sets", help_text="How many sets (1–10). Leave empty for one.")
    repetitions = dosage_field(
        "repetitions", help_text="Repetitions in each set (1–50), or leave empty for a hold."
    )
    hold_seconds = dosage_field("hold_seconds", help_text="Hold time in seconds (1–300).")
    rest_seconds = dosage_field("rest_seconds", help_text="Rest between sets, in seconds (0–600).")
    times_per_period = dosage_field("times_per_period", help_text="How often (1–7) …")
    period = models.CharField(
        "…per",
        max_length=4,
        choices=PERIOD_CHOICES,
        default=PER_DAY,
        help_text="… a day or a week.",
    )
    stop_if = models.TextField(
        "Stop and ask for advice if…",
        help_text="One reason per line, e.g. “the pain gets worse and stays worse the next day”.",
    )
    equipment = models.CharField(
        max_length=200,
        blank=True,
        help_text="What the patient needs, e.g. “A firm chair”. Leave empty if nothing.",
    )
    difficulty = models.CharField(
        max_length=10, choices=Difficulty.choices, default=Difficulty.GENTLE
    )
    body_region = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        related_name="exercises",
        help_text="Where in the body it works, e.g. Knee. The exercise library groups "
        "exercises by it.",
    )
    video_url = models.URLField(
        "Video",
        blank=True,
        help_text="Optional link to a video of the exercise, from a site the clinic allows.",
    )
    clinical_reviewer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviewed_exercises",
        help_text="The clinician who checked this exercise. Leave empty: the clinician "
        "who approves it is recorded.",
    )
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When a clinician last checked the exercise. Set to the day a clinical "
        "reviewer approves it.",
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="Leave empty to use the review interval.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("purpose"),
        FieldPanel("body_region"),
        FieldRowPanel([FieldPanel("difficulty"), FieldPanel("equipment")]),
        FieldPanel("starting_position"),
        RowsInlinePanel("steps", heading="Steps", label="Step", min_num=1),
        RowsInlinePanel("images", heading="Images", label="Image", min_num=1, max_num=MAX_IMAGES),
        FieldPanel("video_url"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("sets"), FieldPanel("repetitions")]),
                FieldRowPanel([FieldPanel("hold_seconds"), FieldPanel("rest_seconds")]),
                FieldRowPanel([FieldPanel("times_per_period"), FieldPanel("period")]),
            ],
            heading="Dosage",
            help_text="The usual amount. An article or a programme may change it.",
        ),
        FieldPanel("stop_if"),
    ]
    review_panels = [
        FieldPanel("clinical_reviewer"),
        FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("next_review_due")]),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(review_panels, heading="Review"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    base_form_class = ExercisePageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("purpose"),
        index.SearchField("starting_position"),
    ]

    parent_page_types = ["learning.ExerciseLibraryPage"]
    subpage_types = []

    # Loaded with the page, its cards and its blocks, so none queries in a loop.
    SHOWN_WITH_PAGE = ("body_region", "clinical_reviewer")

    class Meta:
        verbose_name = "Exercise"

    @staticmethod
    def prefetches(prefix=""):
        return (
            f"{prefix}steps",
            models.Prefetch(
                f"{prefix}images",
                queryset=ExerciseImage.objects.select_related("image").prefetch_related(
                    "image__renditions"
                ),
            ),
        )

    @property
    def dosage(self):
        return Dosage.from_object(self)

    def stop_signs(self):
        return [line.strip(" -•\t") for line in self.stop_if.splitlines() if line.strip(" -•\t")]

    def learning_settings(self, site_page=None):
        return LearningCentreSettings.for_site((site_page or self).get_site())

    def video_host_error(self):
        if not self.video_url:
            return None
        host = (urlsplit(self.video_url).hostname or "").lower()
        allowed = allowed_video_hosts()
        if host in allowed:
            return None
        if not allowed:
            return "Videos are switched off for this site: remove the link."
        return f"Videos may only come from {', '.join(allowed)}; {host} is not one of them."

    def shown_video_url(self):
        """The video link patients see: only one from a host the clinic still allows."""
        return self.video_url if self.video_url and not self.video_host_error() else ""

    def get_meta_description(self):
        return self.search_description or self.purpose

    @staticmethod
    def disclaimers(learning_settings):
        """(top, closing): the clinic's default medical-advice disclaimer, when published,
        and no closing note: the default one speaks of articles and their research."""
        top = learning_settings.default_top_disclaimer
        return (top if top is not None and top.live else None), None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        learning_settings = LearningCentreSettings.for_request(request)
        context["top_disclaimer"], context["closing_note"] = self.disclaimers(learning_settings)
        # Home, Learning Centre and library in one query, for the breadcrumbs.
        home, context["learning_centre"], context["exercise_library"] = list(
            self.get_ancestors().filter(depth__gt=1)
        )[-3:]
        context["home_page"] = home
        context["dosage"] = self.dosage
        context["video_url"] = self.shown_video_url()
        context["canonical_url"] = public_url(request, self.get_url(request))
        context["structured_data"] = self.structured_data(request, context)
        return context

    def structured_data(self, request, context):
        url = context["canonical_url"]
        crumbs = [
            (page.title if index else "Home", public_url(request, page.get_url(request)))
            for index, page in enumerate(
                (context["home_page"], context["learning_centre"], context["exercise_library"])
            )
        ]
        images = list(self.images.all())
        image_url = (
            # A picture whose file has gone is left out rather than failing the page.
            public_url(request, get_rendition_or_not_found(images[0].image, SHARE_IMAGE_SPEC).url)
            if images
            else None
        )
        dosage = self.dosage
        return [
            exercise_plan(
                name=self.title,
                description=self.purpose,
                url=url,
                dosage={
                    "repetitions": dosage.repetitions,
                    "hold_seconds": dosage.hold_seconds,
                    "rest_seconds": dosage.rest_seconds,
                    "frequency": dosage.frequency(),
                    "summary": dosage.summary(),
                },
                image_url=image_url,
                exercise_type=f"{self.get_difficulty_display()} home exercise",
                body_location=self.body_region.name,
                reviewed_by=self.clinical_reviewer,
                last_reviewed=self.last_reviewed,
            ),
            breadcrumb_list([*crumbs, (self.title, url)]),
        ]

    def clean(self):
        super().clean()
        errors = dosage_errors(self.dosage)
        if video_error := self.video_host_error():
            errors["video_url"] = video_error
        if not self.stop_signs():
            errors["stop_if"] = (
                "Add at least one reason to stop, one per line, so patients know when to "
                "ask for advice."
            )
        self.raise_review_date_errors(errors)


class ExerciseStep(Orderable):
    page = ParentalKey(ExercisePage, on_delete=models.CASCADE, related_name="steps")
    text = models.TextField(
        max_length=400,
        help_text="One movement, e.g. “Slowly straighten your right knee.”",
        error_messages={"blank": "Write the step, or delete this row."},
    )

    panels = [FieldPanel("text")]

    def __str__(self):
        return self.text


class ExerciseImage(Orderable):
    page = ParentalKey(ExercisePage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="A drawing or photo of one position of the exercise.",
        error_messages={"null": "Choose an image, or delete this row."},
    )
    alt_text = models.CharField(
        "Description (alt text)",
        max_length=200,
        help_text="Describe the position for patients who cannot see it, e.g. “Sitting "
        "on a chair with the right leg straight out in front”.",
        error_messages={
            "blank": "Describe what the image shows for patients who cannot see it.",
        },
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    def __str__(self):
        return self.alt_text
