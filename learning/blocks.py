"""The blocks an article body is made of. Each block renders with its own template."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# Section text: h2 belongs to the section heading and h1 to the page title,
# so editors get only the smaller heading and simple formatting.
SECTION_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul"]
SHORT_TEXT_FEATURES = ["bold", "italic", "link"]


def _is_blank_rich_text(value):
    return not strip_tags(value.source if value else "").strip()


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
        blocks.CharBlock(max_length=200, label="Benefit"),
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
        if not self.is_deferred_validation and not [i for i in value["items"] if i.strip()]:
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
        blocks.CharBlock(max_length=200, label="Precaution"),
        required=False,
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


ARTICLE_BODY_BLOCKS = [
    ("section", SectionBlock()),
    ("benefits", BenefitsListBlock()),
    ("risks", RisksBlock()),
    ("callout", CalloutBlock()),
]
