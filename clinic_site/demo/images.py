"""Heading images drawn with Pillow, so a new install needs no downloads and no image files.

Each is a simple flat illustration of what its article is about (a person stretching,
a bent knee, a hot-water bottle and an ice pack, an open booklet), in the article's
two colours. The drawing sits in the middle band of the frame, which is all a phone
shows. The demo articles' alt text (demo/articles.py) describes each drawing.
"""

import io

from PIL import Image as PillowImage
from PIL import ImageDraw

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

WIDTH, HEIGHT = 1280, 534  # the 2.4 : 1 frame of the heading image
SCALE = 2  # drawn at twice the size, then smoothed down
PALETTE_SIZE = 48  # flat colours and their smoothed edges: a small PNG
INK = (27, 31, 35)
WHITE = (255, 255, 255)
HOT = (196, 61, 40)
COLD = (47, 111, 167)


def _hex_to_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def _mix(colour, other, amount):
    return tuple(round(c + (o - c) * amount) for c, o in zip(colour, other, strict=True))


class Canvas:
    """Pillow drawing in the final image's coordinates, with rounded limbs."""

    def __init__(self, background, size=(WIDTH, HEIGHT), top=0):
        """`top`: drawing coordinates start this far above the frame's top edge."""
        self.size, self.top = size, top
        self.image = PillowImage.new("RGB", (size[0] * SCALE, size[1] * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    def _xy(self, points):
        return [(x * SCALE, (y - self.top) * SCALE) for x, y in points]

    def circle(self, centre, radius, fill=None, outline=None, width=0):
        (x, y), r = centre, radius
        self.draw.ellipse(
            self._xy([(x - r, y - r), (x + r, y + r)]),
            fill=fill,
            outline=outline,
            width=width * SCALE,
        )

    def limb(self, points, width, fill):
        """A thick line through the points with round ends and joints, like a drawn limb."""
        self.draw.line(self._xy(points), fill=fill, width=width * SCALE, joint="curve")
        for point in points:
            self.circle(point, width / 2, fill=fill)

    def box(self, corners, radius, fill):
        self.draw.rounded_rectangle(self._xy(corners), radius=radius * SCALE, fill=fill)

    def polygon(self, points, fill):
        self.draw.polygon(self._xy(points), fill=fill)

    def arc(self, corners, start, end, fill, width):
        self.draw.arc(self._xy(corners), start, end, fill=fill, width=width * SCALE)

    def png(self):
        small = self.image.resize(self.size, PillowImage.Resampling.LANCZOS)
        buffer = io.BytesIO()
        small.quantize(PALETTE_SIZE).save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()


def _backdrop(canvas, light):
    """A pale sun and a floor, the same in every drawing."""
    canvas.circle((1040, 150), 90, fill=_mix(light, WHITE, 0.45))
    canvas.box([(180, 455), (1100, 480)], 12, fill=light)


def draw_stretch(canvas, dark, light):
    """A person in a side stretch on a mat, one arm reaching over their head."""
    _backdrop(canvas, light)
    canvas.box([(500, 438), (800, 458)], 10, fill=_mix(dark, WHITE, 0.35))
    canvas.limb([(650, 320), (598, 436)], 30, dark)  # legs
    canvas.limb([(650, 320), (712, 436)], 30, dark)
    canvas.limb([(650, 320), (616, 212)], 42, dark)  # body, leaning left
    canvas.limb([(612, 222), (578, 282), (612, 318)], 22, dark)  # hand on hip
    canvas.limb([(628, 218), (662, 140), (586, 96)], 22, dark)  # arm over the head
    canvas.circle((596, 168), 34, fill=dark)  # head
    for radius in (150, 185):  # the movement of the stretch
        canvas.arc(
            [(600 - radius, 190 - radius), (600 + radius, 190 + radius)], 215, 265, light, 10
        )


def draw_knee(canvas, dark, light):
    """A seated leg bent at the knee, the knee joint ringed, with two hands around it."""
    _backdrop(canvas, light)
    canvas.box([(330, 285), (560, 455)], 18, fill=_mix(light, INK, 0.15))  # the seat
    canvas.limb([(380, 262), (700, 262)], 64, dark)  # thigh
    canvas.limb([(700, 262), (720, 432)], 52, dark)  # shin
    canvas.limb([(712, 440), (808, 446)], 30, dark)  # foot
    canvas.circle((702, 266), 54, outline=light, width=10)  # the knee joint
    for radius in (86, 112):
        canvas.arc([(702 - radius, 266 - radius), (702 + radius, 266 + radius)], 290, 350, light, 8)
    canvas.limb([(636, 214), (676, 226)], 26, _mix(dark, WHITE, 0.45))  # a hand above
    canvas.limb([(640, 312), (676, 300)], 26, _mix(dark, WHITE, 0.45))  # and one below


def draw_hot_and_cold(canvas, dark, light):
    """A red hot-water bottle with rising heat, and a blue ice pack with a snowflake."""
    _backdrop(canvas, light)
    canvas.box([(466, 150), (534, 214)], 10, fill=dark)  # the bottle's neck
    canvas.box([(390, 200), (610, 448)], 56, fill=HOT)
    for x in (445, 500, 555):  # its ribs
        canvas.limb([(x, 250), (x, 400)], 8, _mix(HOT, WHITE, 0.35))
    for x in (430, 500, 570):  # rising heat
        canvas.arc([(x - 26, 60), (x + 26, 110)], 90, 270, HOT, 8)
        canvas.arc([(x - 26, 104), (x + 26, 154)], 270, 90, HOT, 8)
    canvas.box([(700, 262), (920, 448)], 36, fill=COLD)
    centre, arm = (810, 355), 62
    for dx, dy in ((1, 0), (0.5, 0.87), (-0.5, 0.87)):  # a six-armed snowflake
        ends = [
            (centre[0] - dx * arm, centre[1] - dy * arm),
            (centre[0] + dx * arm, centre[1] + dy * arm),
        ]
        canvas.limb(ends, 10, WHITE)
    canvas.circle(centre, 14, fill=WHITE)


def draw_booklet(canvas, dark, light):
    """An open booklet of patient information."""
    _backdrop(canvas, light)
    canvas.polygon([(640, 182), (380, 150), (380, 420), (640, 452)], fill=dark)
    canvas.polygon([(640, 182), (900, 150), (900, 420), (640, 452)], fill=_mix(dark, INK, 0.25))
    canvas.polygon([(632, 192), (398, 164), (398, 404), (632, 434)], fill=WHITE)
    canvas.polygon([(648, 192), (882, 164), (882, 404), (648, 434)], fill=WHITE)
    for row in range(5):
        y = 214 + row * 40
        canvas.limb([(430, y - 14), (600, y + 6)], 8, light)
        canvas.limb([(680, y + 6), (850 - 40 * (row == 4), y - 14)], 8, light)


# The demo loader names a drawing by its seed: one per demo page (see demo/articles.py).
DRAWINGS = {1: draw_stretch, 2: draw_knee, 3: draw_hot_and_cold, 4: draw_booklet}


def draw_heading_image(colours, seed):
    """The drawing for this seed in these colours, as PNG bytes: the same bytes each time."""
    dark, light = (_hex_to_rgb(c) for c in colours)
    canvas = Canvas(background=_mix(light, WHITE, 0.7))
    DRAWINGS.get(seed, draw_booklet)(canvas, dark, light)
    return canvas.png()


def get_or_create_heading_image(title, filename, colours, seed):
    return get_or_create_image(title, filename, draw_heading_image(colours, seed))


def get_or_create_image(title, filename, data):
    """The image with these exact PNG bytes, stored once however often the loader runs."""
    file_hash = hash_filelike(io.BytesIO(data))
    image_model = get_image_model()
    existing = image_model.objects.filter(file_hash=file_hash).first()
    if existing:
        return existing
    name = filename.rsplit(".", 1)[0] + ".png"
    image = image_model(title=title, file=ImageFile(io.BytesIO(data), name=name))
    image.file_hash = file_hash
    image.file_size = len(data)
    image.save()
    return image
