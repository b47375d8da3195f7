"""A heading image and its alt text, shared by the Learning Centre's page types."""

import math
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

# The one shape a heading image is shown at, as width : height. The renditions below
# and the editor's help text are both worked out from it. Wagtail's `fill-` crops
# around the image's focal point, so setting the focal point keeps faces in view.
HEADING_IMAGE_RATIO = Fraction(12, 5)
HEADING_IMAGE_WIDTHS = (640, 1280)
HEADING_IMAGE_FORMATS = ("webp", "jpeg")
HEADING_IMAGE_SIZES = "(min-width: 64rem) 60rem, 100vw"


def heading_image_filters():
    """Every rendition of the heading image <picture>: each format at each width."""
    fills = [
        f"fill-{width}x{math.ceil(width / HEADING_IMAGE_RATIO)}" for width in HEADING_IMAGE_WIDTHS
    ]
    return [Filter(spec=f"format-{fmt}|{fill}") for fmt in HEADING_IMAGE_FORMATS for fill in fills]


def heading_image_shape():
    """The shape in words, e.g. "2.4 : 1 (wide)"."""
    ratio = float(HEADING_IMAGE_RATIO)
    kind = "wide" if ratio > 1.2 else "tall" if ratio < 1 / 1.2 else "square-ish"
    return f"{ratio:.3g} : 1 ({kind})"


HEADING_IMAGE_HELP_TEXT = (
    f"Shown at {heading_image_shape()} at the top of the page. Set the focal point on "
    "the image so faces stay in view."
)


class HeadingImageMixin(models.Model):
    """A heading image and the alt text patients' screen readers announce: the page's own
    description, or else the one given to the image itself, so an image described once
    in the image library needs no description on every page that uses it."""

    heading_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=HEADING_IMAGE_HELP_TEXT,
    )
    heading_image_alt = models.CharField(
        "Heading image description (alt text)",
        max_length=200,
        blank=True,
        help_text="Describe the image for patients who cannot see it, "
        "e.g. “A physiotherapist guiding a patient through a knee exercise”. "
        "Leave empty to use the description saved with the image.",
    )

    heading_image_panel = MultiFieldPanel(
        [FieldPanel("heading_image"), FieldPanel("heading_image_alt")],
        heading="Heading image",
    )

    class Meta:
        abstract = True

    @property
    def heading_image_alt_text(self):
        """The alt text patients get: this page's description, else the image's own."""
        own = (self.heading_image_alt or "").strip()
        if own or not self.heading_image:
            return own
        return (getattr(self.heading_image, "description", "") or "").strip()

    def heading_picture(self):
        """The heading image as a <picture> at HEADING_IMAGE_RATIO (empty without one)."""
        if not self.heading_image:
            return ""
        renditions = get_renditions_or_not_found(self.heading_image, heading_image_filters())
        attrs = {
            "sizes": HEADING_IMAGE_SIZES,
            "alt": self.heading_image_alt_text,
            "fetchpriority": "high",
        }
        return Picture(renditions, attrs)

    def clean(self):
        super().clean()
        if self.heading_image_id and not self.heading_image_alt_text:
            raise ValidationError(
                {
                    "heading_image_alt": "Describe the heading image for patients who use "
                    "screen readers, or remove the image."
                }
            )
