"""Line drawings of the demo exercises' positions, drawn with Pillow (no downloads, no
files, no text in the pictures).

Each drawing is a stick figure on a plain background with the furniture it needs (a
chair, a mat, a wall, a table) and, where something moves, an orange arrow. The figure
faces right; the leg or arm further from the viewer is paler. The alt text of each
drawing is in demo/exercises.py, next to the exercise that uses it.
"""

import functools
import math

from .images import WHITE, Canvas, _mix

WIDTH = 960
# Where each kind of drawing's frame starts (its height runs down to 720): a person lying
# down needs a low, wide frame, one reaching up the wall a tall one.
FRAME_TOPS = {"lying": 360, "sitting": 110, "standing": 0, "leaning": 200}
BACKGROUND = (246, 249, 248)
FIGURE = (29, 55, 94)
FAR = _mix(FIGURE, WHITE, 0.55)
PROP = (150, 160, 170)
PROP_FILL = (214, 220, 226)
ARROW = (214, 96, 26)
FLOOR_Y = 680

BODY, LEG, ARM, HEAD = 34, 26, 20, 34


def _along(start, towards, distance):
    """The point `distance` from `start` in the direction of `towards`."""
    dx, dy = towards[0] - start[0], towards[1] - start[1]
    length = math.hypot(dx, dy) or 1
    return (start[0] + dx / length * distance, start[1] + dy / length * distance)


def outlined(canvas, points, width, fill):
    """A limb with a thin background-coloured edge, so it stands out where it crosses
    the body."""
    canvas.limb(points, width + 8, BACKGROUND)
    canvas.limb(points, width, fill)


def head(canvas, centre, facing, radius=HEAD):
    """A head seen from the side, its nose towards the point `facing`."""
    canvas.circle(centre, radius, fill=FIGURE)
    canvas.limb(
        [_along(centre, facing, radius * 0.7), _along(centre, facing, radius + 9)], 12, FIGURE
    )


def figure(canvas, pose):
    """A side-on stick figure. `pose` holds point lists: body (shoulder … hip), legs
    (hip, knee, ankle, toe) and arms (shoulder, elbow, hand), near and far."""
    for name in ("far_leg", "far_arm"):
        if name in pose:
            canvas.limb(pose[name], LEG if "leg" in name else ARM, FAR)
    canvas.limb(pose["body"], BODY, FIGURE)
    head(canvas, pose["head"], pose["facing"])
    outlined(canvas, pose["near_leg"], LEG, FIGURE)
    outlined(canvas, pose["near_arm"], ARM, FIGURE)


def arrow(canvas, points):
    """A line through the points with an arrowhead at the last one."""
    canvas.limb(points, 10, ARROW)
    (x0, y0), (x1, y1) = points[-2], points[-1]
    angle = math.atan2(y1 - y0, x1 - x0)
    tip = (x1 + 22 * math.cos(angle), y1 + 22 * math.sin(angle))
    wings = [(x1 + 16 * math.cos(angle + s), y1 + 16 * math.sin(angle + s)) for s in (1.9, -1.9)]
    canvas.polygon([tip, wings[0], wings[1]], fill=ARROW)


def arc_points(centre, radii, start, end, steps=16):
    """Points on an (elliptical) arc; angles in degrees, clockwise from the right, so a
    negative angle is above the centre."""
    (cx, cy), (rx, ry) = centre, radii
    return [
        (
            cx + rx * math.cos(math.radians(start + (end - start) * i / steps)),
            cy + ry * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]


# Furniture


def floor(canvas):
    canvas.box([(60, FLOOR_Y), (900, FLOOR_Y + 16)], 8, fill=PROP_FILL)


def chair(canvas):
    """A kitchen chair seen from the side, its back on the left."""
    canvas.box([(296, 500), (494, 520)], 8, fill=PROP)
    for x in (312, 478):
        canvas.limb([(x, 520), (x, FLOOR_Y - 2)], 14, PROP)
    canvas.limb([(306, 505), (298, 300)], 16, PROP)


def mat(canvas):
    canvas.box([(130, 660), (870, FLOOR_Y)], 10, fill=PROP)


def wall(canvas):
    canvas.box([(770, 30), (830, FLOOR_Y)], 4, fill=PROP_FILL)
    canvas.limb([(770, 30), (770, FLOOR_Y)], 6, PROP)


def table(canvas):
    canvas.box([(630, 470), (900, 490)], 8, fill=PROP)
    for x in (650, 880):
        canvas.limb([(x, 490), (x, FLOOR_Y - 2)], 14, PROP)


# Poses, in the 960 × 720 frame with the floor at y = 680

SEATED = {
    "body": [(360, 482), (368, 312)],
    "head": (376, 256),
    "facing": (500, 256),
    "near_leg": [(360, 482), (510, 482), (516, 652), (566, 664)],
    "near_arm": [(370, 322), (392, 425), (465, 470)],
}
KNEE_STRAIGHT = [(360, 482), (510, 482), (668, 470), (676, 422)]

LYING = {
    "body": [(255, 634), (440, 640)],
    "head": (212, 620),
    "facing": (212, 500),
    "near_leg": [(440, 640), (590, 642), (740, 644), (748, 604)],
    "near_arm": [(272, 636), (360, 650), (450, 652)],
}
KNEE_BENT = [(440, 640), (560, 545), (650, 645), (700, 652)]
LEG_RAISED = [(440, 640), (583, 596), (727, 552), (715, 514)]
BRIDGE = {
    "body": [(255, 634), (430, 568)],
    "near_leg": [(430, 568), (568, 532), (650, 645), (700, 652)],
}

STANDING_AT_WALL = {
    "body": [(638, 402), (644, 252)],
    "head": (652, 198),
    "facing": (760, 198),
    "near_leg": [(638, 402), (642, 532), (640, 662), (688, 668)],
    "near_arm": [(646, 262), (744, 300), (746, 195)],
}
ARMS_UP_THE_WALL = [(646, 262), (735, 195), (744, 90)]

LEANING_ON_TABLE = {
    "body": [(420, 405), (567, 320)],
    "head": (615, 292),
    "facing": (660, 370),
    "far_leg": [(420, 405), (400, 532), (380, 662), (428, 668)],
    "near_leg": [(420, 405), (450, 532), (440, 662), (488, 668)],
    "far_arm": [(567, 320), (620, 400), (660, 466)],
    "near_arm": [(567, 320), (567, 430), (567, 535)],
}


def _seated(canvas, **changes):
    floor(canvas)
    chair(canvas)
    figure(canvas, {**SEATED, **changes})


def _lying(canvas, **changes):
    floor(canvas)
    mat(canvas)
    figure(canvas, {**LYING, **changes})


# The drawings. Each takes a blank canvas and draws one position.


def sitting_on_chair(canvas):
    _seated(canvas)


def sitting_knee_straight(canvas):
    _seated(canvas, far_leg=SEATED["near_leg"], near_leg=KNEE_STRAIGHT)
    arrow(canvas, arc_points((510, 482), (205, 205), 72, 14))


def lying_one_knee_bent(canvas):
    _lying(canvas, far_leg=KNEE_BENT)


def lying_leg_raised(canvas):
    _lying(canvas, far_leg=KNEE_BENT, near_leg=LEG_RAISED)
    arrow(canvas, arc_points((440, 640), (345, 345), -4, -22))


def lying_legs_straight(canvas):
    _lying(canvas)


def lying_heel_slid_up(canvas):
    _lying(canvas, near_leg=KNEE_BENT, far_leg=LYING["near_leg"])
    arrow(canvas, [(800, 600), (730, 600)])


def lying_knees_bent(canvas):
    _lying(canvas, near_leg=KNEE_BENT)


def lying_hips_lifted(canvas):
    _lying(canvas, **BRIDGE)
    arrow(canvas, [(430, 520), (430, 455)])


def lying_pelvis_tilted(canvas):
    _lying(canvas, near_leg=KNEE_BENT)
    arrow(canvas, arc_points((440, 640), (80, 80), -160, -95))


def sitting_head_forward(canvas):
    _seated(canvas, body=[(360, 482), (368, 312), (404, 276)], head=(412, 268), facing=(540, 268))


def sitting_chin_tucked(canvas):
    _seated(canvas, head=(368, 254), facing=(470, 300))
    arrow(canvas, [(470, 190), (400, 190)])


def _seated_from_the_front(canvas, turn):
    """Sitting on a chair, seen from the front, the head turned `turn` (−1 … 1) to the
    viewer's right."""
    floor(canvas)
    canvas.box([(385, 300), (575, 318)], 6, fill=PROP)  # the chair's back rail
    for x in (392, 568):
        canvas.limb([(x, 300), (x, 500)], 14, PROP)
    canvas.box([(370, 500), (590, 522)], 8, fill=PROP)
    for x in (385, 575):
        canvas.limb([(x, 522), (x, FLOOR_Y - 2)], 14, PROP)
    for side in (-1, 1):
        canvas.limb([(480 + 25 * side, 490), (480 + 28 * side, 662)], LEG, FIGURE)
        canvas.limb([(480 + 28 * side, 668), (480 + 34 * side, 670)], LEG, FIGURE)
        canvas.limb(
            [(480 + 52 * side, 308), (480 + 68 * side, 405), (480 + 42 * side, 482)], ARM, FIGURE
        )
    canvas.box([(435, 292), (525, 500)], 26, fill=FIGURE)
    canvas.limb([(428, 306), (532, 306)], 28, FIGURE)
    canvas.limb([(480, 300), (480, 240)], 24, FIGURE)
    centre_x = 480 + 22 * turn
    canvas.circle((480, 212), 38, fill=FIGURE)
    for eye in (-13, 13):
        canvas.circle((centre_x + eye * (1 - abs(turn) * 0.35), 204), 5, fill=WHITE)
    canvas.limb([(centre_x + 4 * turn, 212), (centre_x + 10 * turn, 226)], 6, WHITE)


def sitting_facing_forward(canvas):
    _seated_from_the_front(canvas, 0)


def sitting_head_turned(canvas):
    _seated_from_the_front(canvas, 1)
    arrow(canvas, arc_points((480, 212), (64, 64), -140, -40))


def standing_at_wall(canvas):
    floor(canvas)
    wall(canvas)
    figure(canvas, STANDING_AT_WALL)


def standing_arms_up_wall(canvas):
    floor(canvas)
    wall(canvas)
    figure(canvas, {**STANDING_AT_WALL, "near_arm": ARMS_UP_THE_WALL})
    arrow(canvas, [(706, 170), (706, 95)])


def leaning_arm_hanging(canvas):
    floor(canvas)
    table(canvas)
    figure(canvas, LEANING_ON_TABLE)
    arrow(canvas, arc_points((567, 552), (52, 18), 30, 320))


DRAWINGS = {
    drawing.__name__: drawing
    for drawing in (
        sitting_on_chair,
        sitting_knee_straight,
        lying_one_knee_bent,
        lying_leg_raised,
        lying_legs_straight,
        lying_heel_slid_up,
        lying_knees_bent,
        lying_hips_lifted,
        lying_pelvis_tilted,
        sitting_head_forward,
        sitting_chin_tucked,
        sitting_facing_forward,
        sitting_head_turned,
        standing_at_wall,
        standing_arms_up_wall,
        leaning_arm_hanging,
    )
}


@functools.cache  # the same bytes each time: drawn once per process
def draw_exercise_image(name):
    """The named drawing as PNG bytes."""
    top = FRAME_TOPS[name.split("_")[0]]
    canvas = Canvas(background=BACKGROUND, size=(WIDTH, 720 - top), top=top)
    DRAWINGS[name](canvas)
    return canvas.png()
