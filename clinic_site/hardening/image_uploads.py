"""The admin's image form: an upload must decode completely before it is stored.

Wagtail checks an image's type, size and pixel count from its header, but a damaged
file (a photo cut short in transfer, a PNG with corrupt data) passes those checks and
then either crashes the upload with a server error or breaks every page that shows
it. Decoding the whole image once, after Wagtail's limits have passed, refuses it
with a form error instead. Used by every image form (add, multiple upload, chooser,
replace file) through WAGTAILIMAGES_IMAGE_FORM_BASE.
"""

import warnings

from PIL import Image as PILImage

from django.core.exceptions import ValidationError

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow and Willow raise for files they cannot read to the end.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, PILImage.DecompressionBombError)


class FullyDecodedImageField(WagtailImageField):
    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except ValidationError:
            raise
        except DECODE_ERRORS as exc:
            # Wagtail's pixel check reads a damaged file and lets Pillow's error escape.
            raise self.damaged() from exc
        if uploaded is not None:
            self.check_decodes(uploaded)
        return uploaded

    def damaged(self):
        return ValidationError(
            "This image file is damaged or incomplete. Open it on your computer to "
            "check it, save or export it again, then upload the new file.",
            code="invalid_image",
        )

    def check_decodes(self, uploaded):
        source = (
            uploaded.temporary_file_path() if hasattr(uploaded, "temporary_file_path") else uploaded
        )
        try:
            with warnings.catch_warnings():
                # Wagtail's pixel limit has already passed; a bomb warning here is an error.
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(source) as image:
                    image.load()
        except (*DECODE_ERRORS, PILImage.DecompressionBombWarning) as exc:
            raise self.damaged() from exc
        finally:
            if hasattr(uploaded, "seek"):
                uploaded.seek(0)


class ClinicImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        generated = self.fields.get("file")
        if generated is not None and not isinstance(generated, FullyDecodedImageField):
            # Built per form, so it reads the upload limits in force now.
            field = FullyDecodedImageField(label=generated.label, required=generated.required)
            field.widget = generated.widget
            self.fields["file"] = field
