"""The QR code on a handout: the live page's address as a PNG data URI, so the PDF needs
no file and the code scans from paper (medium error correction survives a crease)."""

import base64
import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from qrcode.image.pil import PilImage

# Pixels per module: the PDF prints it at a fixed size, so this only sets how sharp the
# embedded image is; whole pixels per module keep the edges crisp.
BOX_SIZE = 8


def qr_data_uri(text):
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=BOX_SIZE, border=4)
    code.add_data(text)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image(image_factory=PilImage).save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
