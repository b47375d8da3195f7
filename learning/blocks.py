"""The blocks an article body is made of. Each block renders with its own template."""

import re
from dataclasses import replace

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import PageViewRestriction

from .dosage import LIMITS, PERIOD_CHOICES, Dosage, dosage_errors

# Section text: h2 belongs to the section heading and h1 to the page title,
# so editors get only the smaller heading and simple formatting.
SECTION_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]
SHORT_TEXT_FEATURES = ["bold", "italic", "link"]


DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_URL_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")


def _is_blank_rich_text(value):
    return not strip_tags(value.source if value else "").strip()


def _written(items):
    """The list items that have text: an empty item is never shown to patients."""
    return [item for item in items if (item["text"] or "").strip()]


class RisksValue(blocks.StructValue):
    def shown_precautions(self):
        return _written(self["precautions"])


class ListItemWithReferenceBlock(blocks.StructBlock):
    """A list item that can point at one of the article's numbered references."""

    text = blocks.CharBlock(max_length=200, label="Text")
    reference = blocks.IntegerBlock(
        required=False,
        min_value=1,
        label="Reference number",
        help_text="Optional: the number of the supporting reference in the article's "
        "References list.",
    )

    # Items written before references existed were plain strings.
    @staticmethod
    def _from_plain_text(value):
        return {"text": value, "reference": None} if isinstance(value, str) else value

    def to_python(self, value):
        return super().to_python(self._from_plain_text(value))

    def normalize(self, value):
        return super().normalize(self._from_plain_text(value))

    class Meta:
        icon = "list-ul"
        template = "learning/blocks/list_item.html"
        form_classname = "list-item-with-reference"


class ReferenceBlock(blocks.StructBlock):
    citation = blocks.TextBlock(
        rows=2,
        label="Citation",
        help_text="Authors, title, journal or publisher, year.",
    )
    url = blocks.URLBlock(
        required=False,
        label="Web address",
        help_text="Optional link to the source, starting with https://",
    )
    doi = blocks.CharBlock(
        required=False,
        max_length=200,
        label="DOI",
        help_text="Optional, e.g. 10.1002/14651858.CD004376.pub3",
    )

    def clean(self, value):
        value = super().clean(value)
        doi = (value.get("doi") or "").strip()
        for prefix in DOI_URL_PREFIXES:
            if doi.lower().startswith(prefix):
                doi = doi[len(prefix) :]
        if doi and not DOI_PATTERN.match(doi):
            raise StructBlockValidationError(
                block_errors={
                    "doi": ValidationError(
                        "This is not a DOI. A DOI starts with “10.”, then a slash and the "
                        "item's code, e.g. 10.1002/14651858.CD004376.pub3"
                    )
                }
            )
        value["doi"] = doi
        return value

    class Meta:
        icon = "openquote"
        label = "Reference"
        template = "learning/blocks/reference.html"


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120,
        label="Heading",
        help_text="A question or short title patients will scan for, e.g. "
        "“What is therapeutic exercise?”",
    )
    text = blocks.RichTextBlock(
        features=SECTION_TEXT_FEATURES,
        label="Text",
        help_text="Short paragraphs in plain words. Use lists for steps.",
    )

    class Meta:
        icon = "doc-full"
        label = "Section"
        template = "learning/blocks/section.html"


class BenefitsListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120,
        label="Heading",
        help_text="E.g. “How can therapeutic exercise help me?”",
    )
    intro = blocks.CharBlock(
        max_length=200,
        label="Intro line",
        help_text="The sentence that leads into the list, e.g. “Among other things, it may:”",
    )
    items = blocks.ListBlock(
        ListItemWithReferenceBlock(label="Benefit"),
        label="Benefits",
        help_text="One benefit per item, shown to patients as a numbered list.",
    )
    closing_text = blocks.RichTextBlock(
        features=SHORT_TEXT_FEATURES,
        required=False,
        label="Text after the list",
        help_text="Optional sentence shown under the list.",
    )

    def clean(self, value):
        value = super().clean(value)
        # Like Wagtail's own required fields, an empty list may sit in a draft,
        # but cannot be published or sent for review.
        if not self.is_deferred_validation and not _written(value["items"]):
            raise StructBlockValidationError(
                block_errors={
                    "items": ValidationError(
                        "Add at least one benefit. A benefits list with no items "
                        "cannot be published."
                    )
                }
            )
        return value

    class Meta:
        icon = "list-ol"
        label = "Benefits list"
        template = "learning/blocks/benefits_list.html"


class RisksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120,
        label="Heading",
        help_text="E.g. “Are there risks to therapeutic exercise?”",
    )
    text = blocks.RichTextBlock(
        features=SHORT_TEXT_FEATURES,
        label="Text",
        help_text="What the risks are, honestly and in plain words.",
    )
    precautions = blocks.ListBlock(
        ListItemWithReferenceBlock(label="Precaution"),
        required=False,
        # Optional: a new risks section starts with no precaution, not a blank one.
        default=[],
        label="Precautions",
        help_text="Optional: things patients should watch for or do first.",
    )
    talk_to_us = blocks.CharBlock(
        max_length=200,
        label="Prompt to talk to a physiotherapist",
        default="Talk to your physiotherapist about any concerns you have.",
        help_text="Shown highlighted at the end of the section.",
    )

    class Meta:
        icon = "warning"
        label = "Risks section"
        template = "learning/blocks/risks.html"
        value_class = RisksValue


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=120,
        required=False,
        label="Heading",
        help_text="Optional, e.g. “Good to know”.",
    )
    text = blocks.RichTextBlock(
        features=SHORT_TEXT_FEATURES,
        label="Text",
        help_text="A short note set apart from the article text.",
    )

    def clean(self, value):
        value = super().clean(value)
        if not self.is_deferred_validation and _is_blank_rich_text(value["text"]):
            raise StructBlockValidationError(
                block_errors={"text": ValidationError("Write the note, or remove this block.")}
            )
        return value

    class Meta:
        icon = "info-circle"
        label = "Callout / note"
        template = "learning/blocks/callout.html"


class ExerciseChooserBlock(blocks.PageChooserBlock):
    """Chooses an exercise. Every exercise in an article body is loaded at once, with
    what the exercise include shows (steps, images and their renditions), so an article
    with many exercise blocks costs the same few queries as one with a single block."""

    def bulk_to_python(self, values):
        model = self.model_class
        ids = {value for value in values if value is not None}
        found = (
            model.objects.filter(pk__in=ids)
            .select_related(*model.SHOWN_WITH_PAGE)
            .prefetch_related(*model.prefetches())
            .in_bulk()
            if ids
            else {}
        )
        # An exercise behind a password or sign-in is not shown inside a public article:
        # one query for every restricted section, however many blocks.
        restricted = (
            tuple(PageViewRestriction.objects.values_list("page__path", flat=True)) if found else ()
        )
        for exercise in found.values():
            exercise.shown_to_patients = exercise.live and not exercise.path.startswith(restricted)
        return [found.get(value) for value in values]


class ExerciseValue(blocks.StructValue):
    def live_exercise(self):
        """The chosen exercise if patients may see it; a draft or unpublished one shows
        nothing, as its own page would be a 404."""
        exercise = self.get("exercise")
        return exercise if exercise is not None and exercise.shown_to_patients else None

    def override(self):
        """The values this article changes; an empty "per" keeps the exercise's."""
        override = Dosage.from_object(self)
        exercise = self.get("exercise")
        if not self.get("period") and exercise is not None:
            override = replace(override, period=exercise.period)
        return override

    def dosage(self):
        exercise = self.live_exercise()
        if exercise is None:
            return None
        return exercise.dosage.overridden_by(self.override())


def _override_field(name):
    lowest, highest, label = LIMITS[name]
    # No min/max on the block: dosage_errors gives the one message for a wrong value.
    return blocks.IntegerBlock(
        required=False,
        label=label,
        help_text=f"Optional, {lowest}–{highest}. Leave empty to keep the exercise's.",
    )


class ExerciseBlock(blocks.StructBlock):
    exercise = ExerciseChooserBlock(
        page_type="learning.ExercisePage",
        label="Exercise",
        help_text="Choose an exercise from the exercise library. Patients see it only "
        "once it is published.",
    )
    sets = _override_field("sets")
    repetitions = _override_field("repetitions")
    hold_seconds = _override_field("hold_seconds")
    rest_seconds = _override_field("rest_seconds")
    times_per_period = _override_field("times_per_period")
    period = blocks.ChoiceBlock(
        choices=PERIOD_CHOICES,
        required=False,
        label="…per",
        help_text="A day or a week. Leave empty to keep the exercise's.",
    )

    def clean(self, value):
        value = super().clean(value)
        override = Dosage.from_object(value)
        errors = dosage_errors(override, complete=False)
        if value.get("period") and value.get("times_per_period") is None:
            errors.setdefault(
                "times_per_period",
                "You chose how often per day or week: give the number of times (1–7), "
                "or leave both empty to keep the exercise's.",
            )
        if errors:
            raise StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in errors.items()}
            )
        return value

    class Meta:
        icon = "pick"
        label = "Exercise"
        template = "learning/blocks/exercise.html"
        value_class = ExerciseValue
        form_classname = "exercise-block"
        description = (
            "An exercise from the library, with its steps, images and dosage. You may "
            "change the dosage for this article."
        )


ARTICLE_BODY_BLOCKS = [
    ("section", SectionBlock()),
    ("benefits", BenefitsListBlock()),
    ("risks", RisksBlock()),
    ("callout", CalloutBlock()),
    ("exercise", ExerciseBlock()),
]

REFERENCE_BLOCKS = [("reference", ReferenceBlock())]


def referenced_numbers(body):
    """Every reference number the article's list items point at."""
    return {
        item["reference"]
        for block in body
        if block.block_type in ("benefits", "risks")
        for item in block.value["items" if block.block_type == "benefits" else "precautions"]
        if item.get("reference")
    }
