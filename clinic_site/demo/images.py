"""Heading images drawn with Pillow, so a new install needs no downloads and no image files."""

import io
import random

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFilter

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

WIDTH, HEIGHT = 1600, 667


def _hex_to_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def draw_heading_image(colours, seed):
    """A soft diagonal gradient with blurred circles: decorative, no text, same bytes each time."""
    start, end = (_hex_to_rgb(c) for c in colours)
    # Colour a small grid, then let a smooth resize do the blending at full size.
    grid_w, grid_h = 32, 14
    gradient = PillowImage.new("RGB", (grid_w, grid_h))
    for x in range(grid_w):
        for y in range(grid_h):
            t = x / (grid_w - 1) * 0.7 + y / (grid_h - 1) * 0.3
            gradient.putpixel(
                (x, y), tuple(round(s + (e - s) * t) for s, e in zip(start, end, strict=True))
            )
    gradient = gradient.resize((WIDTH, HEIGHT), PillowImage.Resampling.BICUBIC)
    shapes = PillowImage.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    for _ in range(9):
        radius = rng.randint(80, 260)
        cx, cy = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=(255, 255, 255, rng.randint(25, 70)),
        )
    shapes = shapes.filter(ImageFilter.GaussianBlur(12))
    gradient.paste(shapes, (0, 0), shapes)
    buffer = io.BytesIO()
    gradient.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def get_or_create_heading_image(title, filename, colours, seed):
    """The image with these exact bytes, stored once however often the loader runs."""
    data = draw_heading_image(colours, seed)
    file_hash = hash_filelike(io.BytesIO(data))
    image_model = get_image_model()
    existing = image_model.objects.filter(file_hash=file_hash).first()
    if existing:
        return existing
    image = image_model(title=title, file=ImageFile(io.BytesIO(data), name=filename))
    image.file_hash = file_hash
    image.file_size = len(data)
    image.save()
    return image
