"""Template helpers for PDF handouts."""

import logging

from django import template

register = template.Library()
logger = logging.getLogger("clinic_site.handouts")

# The web pages' own JPEG rendition (templates/learning/includes/exercise_instructions.html),
# so a handout usually makes none: sharp enough printed 8 cm wide, and PDFs embed JPEG
# as it is.
HANDOUT_IMAGE_SPEC = "format-jpeg|width-800"


@register.simple_tag
def handout_image_url(image, spec=HANDOUT_IMAGE_SPEC):
    """The URL of a print-sized rendition of `image`, or None when it cannot be made (a
    missing or damaged upload): the template then prints the image's alt text instead,
    and the rest of the handout is unharmed."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec).url
    except Exception:
        logger.warning("No handout rendition of image %s", image.pk, exc_info=True)
        return None


@register.simple_tag
def week_days():
    """The days of one week, for a tick box each: a patient records doing an exercise."""
    return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
