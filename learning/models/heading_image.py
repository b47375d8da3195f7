"""A heading image and its alt text, shared by the Learning Centre's page types."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


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
