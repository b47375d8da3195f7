"""Text of the demo exercise library, written for patients in plain words (short
sentences, everyday words: a reading age of 12 to 13).

Every exercise has the same shape: what it is for, how to start, a few numbered
steps, how much to do, what you need, and when to stop and ask for advice. Its
pictures are drawn by demo/exercise_drawings.py; each picture's alt text is here.
"""

LIBRARY = {
    "slug": "exercises",
    "title": "Exercises",
    "intro": (
        "<p>Exercises our physiotherapists often give people to do at home, with "
        "pictures, steps and how much to do.</p>"
    ),
}

# Topics the exercises add. An exercise's "region" is a topic slug: "back" and "neck"
# are the articles' topics (demo/articles.py).
TOPICS = [
    {"slug": "knee", "name": "Knee", "description": "Knee pain, stiffness and strength."},
    {
        "slug": "shoulder",
        "name": "Shoulder",
        "description": "Shoulder pain, stiffness and strength.",
    },
]


def dosage(sets, repetitions, *, hold=None, rest=None, times, period="day"):
    return {
        "sets": sets,
        "repetitions": repetitions,
        "hold_seconds": hold,
        "rest_seconds": rest,
        "times_per_period": times,
        "period": period,
    }


KNEE_STOP_IF = [
    "Your knee pain gets worse and is still worse the next day",
    "Your knee swells up or feels hot",
    "Your knee locks or gives way",
]
BACK_STOP_IF = [
    "Your back pain gets worse and is still worse the next day",
    "Pain, tingling or numbness spreads down your leg",
]
NECK_STOP_IF = [
    "You feel dizzy or sick, or your eyesight changes",
    "Pain, tingling or numbness spreads down your arm",
    "Your neck pain gets worse and is still worse the next day",
]
SHOULDER_STOP_IF = [
    "You feel a sharp pain or a catch in your shoulder",
    "Your arm feels weak, numb or tingly",
    "Your shoulder pain gets worse and is still worse the next day",
]

SITTING_ALT = "A person sitting up straight on a chair with both feet flat on the floor"
KNEES_BENT_ALT = (
    "A person lying on their back on a mat, with both knees bent and both feet flat on the mat"
)

EXERCISES = [
    {
        "slug": "seated-knee-straightening",
        "title": "Seated knee straightening",
        "region": "knee",
        "purpose": (
            "Makes the muscles at the front of your thigh stronger. These muscles support "
            "your knee when you walk, stand up and use stairs."
        ),
        "starting_position": (
            "Sit on a firm chair with your back against the back of the chair. Put both "
            "feet flat on the floor."
        ),
        "steps": [
            "Pull the toes of one foot up towards you.",
            "Slowly straighten that knee until your leg is straight out in front of you.",
            "Hold it there and squeeze the muscle at the front of your thigh.",
            "Slowly lower your foot back to the floor.",
            "Do the same with your other leg.",
        ],
        "dosage": dosage(3, 10, hold=5, rest=30, times=2),
        "equipment": "A firm chair",
        "difficulty": "gentle",
        "stop_if": KNEE_STOP_IF,
        "images": [
            ("sitting_on_chair", SITTING_ALT),
            (
                "sitting_knee_straight",
                "The same person with one leg lifted straight out in front, level with the "
                "seat, toes pointing up",
            ),
        ],
        "reviewed_days_ago": 40,
    },
    {
        "slug": "straight-leg-raise",
        "title": "Straight-leg raise",
        "region": "knee",
        "purpose": (
            "Makes the muscles at the front of your thigh and hip stronger without "
            "bending your knee. It is often one of the first exercises after a knee injury."
        ),
        "starting_position": (
            "Lie on your back on a mat or a firm bed. Bend one knee and put that foot flat. "
            "Keep your other leg straight."
        ),
        "steps": [
            "Pull the toes of your straight leg up towards you and tighten your thigh.",
            "Keep the knee straight and slowly lift the leg until it is level with your "
            "other knee.",
            "Hold it there for a moment.",
            "Slowly lower the leg back down and relax.",
        ],
        "dosage": dosage(3, 10, hold=3, rest=30, times=1),
        "equipment": "A mat, or a firm bed",
        "difficulty": "moderate",
        "stop_if": KNEE_STOP_IF,
        "images": [
            (
                "lying_one_knee_bent",
                "A person lying on their back on a mat, one knee bent with the foot flat "
                "and the other leg straight",
            ),
            (
                "lying_leg_raised",
                "The same person lifting the straight leg up to the height of the bent knee",
            ),
        ],
        "reviewed_days_ago": 55,
    },
    {
        "slug": "heel-slides",
        "title": "Heel slides",
        "region": "knee",
        "purpose": (
            "Helps your knee bend further and move more easily, for example after an "
            "injury or an operation."
        ),
        "starting_position": "Lie on your back on a mat or a firm bed with both legs straight.",
        "steps": [
            "Slowly slide the heel of one foot towards your bottom, so your knee bends.",
            "Stop when you feel a stretch or a little discomfort.",
            "Hold it there.",
            "Slowly slide your heel back until your leg is straight again.",
        ],
        "dosage": dosage(2, 10, hold=5, rest=30, times=2),
        "equipment": "A mat, or a firm bed. Wearing socks helps your heel slide.",
        "difficulty": "gentle",
        "stop_if": KNEE_STOP_IF,
        "images": [
            (
                "lying_legs_straight",
                "A person lying on their back on a mat with both legs straight",
            ),
            (
                "lying_heel_slid_up",
                "The same person with one heel slid up towards their bottom, so the knee is bent",
            ),
        ],
        "reviewed_days_ago": 70,
    },
    {
        "slug": "bridging",
        "title": "Bridging",
        "region": "back",
        "purpose": (
            "Makes the muscles of your bottom and lower back stronger. Strong muscles here "
            "help support your back, hips and knees."
        ),
        "starting_position": (
            "Lie on your back with your knees bent and your feet flat on the floor, about "
            "as wide apart as your hips. Rest your arms by your sides."
        ),
        "steps": [
            "Tighten your tummy muscles and squeeze your bottom.",
            "Slowly lift your hips until your body makes a straight line from your "
            "shoulders to your knees.",
            "Hold it there. Keep breathing.",
            "Slowly lower your back down to the floor.",
        ],
        "dosage": dosage(3, 10, hold=5, rest=60, times=1),
        "equipment": "A mat",
        "difficulty": "moderate",
        "stop_if": BACK_STOP_IF,
        "images": [
            ("lying_knees_bent", KNEES_BENT_ALT),
            (
                "lying_hips_lifted",
                "The same person with their hips lifted, so their body is in a straight "
                "line from shoulders to knees",
            ),
        ],
        "reviewed_days_ago": 90,
    },
    {
        "slug": "pelvic-tilt",
        "title": "Pelvic tilt",
        "region": "back",
        "purpose": (
            "Gently moves your lower back and wakes up your tummy muscles. It can ease "
            "stiffness in your lower back."
        ),
        "starting_position": (
            "Lie on your back with your knees bent and your feet flat on the floor."
        ),
        "steps": [
            "Tighten your tummy muscles.",
            "Gently press your lower back into the floor by tilting your hips up a little.",
            "Hold it there. Keep breathing as normal.",
            "Relax and let your back go back to where it started.",
        ],
        "dosage": dosage(None, 10, hold=5, times=2),
        "equipment": "A mat",
        "difficulty": "gentle",
        "stop_if": BACK_STOP_IF,
        "images": [
            (
                "lying_pelvis_tilted",
                "A person lying on their back with knees bent, an arrow showing the hips "
                "tilting up a little",
            ),
        ],
        "reviewed_days_ago": 25,
    },
    {
        "slug": "chin-tuck",
        "title": "Chin tuck",
        "region": "neck",
        "purpose": (
            "Makes the deep muscles at the front of your neck stronger and helps you hold "
            "your head well. It can ease neck pain from sitting for a long time."
        ),
        "starting_position": (
            "Sit up straight on a firm chair. Let your shoulders relax and look straight ahead."
        ),
        "steps": [
            "Keep your eyes looking straight ahead.",
            "Gently slide your head straight back, as if you were making a double chin.",
            "Hold it there. You may feel a gentle stretch at the back of your neck.",
            "Relax and let your head come forward again.",
        ],
        "dosage": dosage(None, 10, hold=5, times=3),
        "equipment": "A firm chair",
        "difficulty": "gentle",
        "stop_if": NECK_STOP_IF,
        "images": [
            (
                "sitting_head_forward",
                "A person sitting on a chair with their head poking forward",
            ),
            (
                "sitting_chin_tucked",
                "The same person with their head slid back over their shoulders and their "
                "chin tucked in",
            ),
        ],
        "reviewed_days_ago": 60,
    },
    {
        "slug": "neck-turns",
        "title": "Neck turns",
        "region": "neck",
        "purpose": (
            "Keeps your neck moving and eases stiffness, so it is easier to look over your "
            "shoulder, for example when you drive."
        ),
        "starting_position": (
            "Sit up straight on a firm chair with your shoulders relaxed. Look straight ahead."
        ),
        "steps": [
            "Slowly turn your head to look over your right shoulder.",
            "Go only as far as feels comfortable, and hold it there.",
            "Slowly turn back to the middle.",
            "Do the same to the left.",
        ],
        "dosage": dosage(None, 5, hold=5, times=3),
        "equipment": "A firm chair",
        "difficulty": "gentle",
        "stop_if": NECK_STOP_IF,
        "images": [
            ("sitting_facing_forward", "A person sitting on a chair, looking straight ahead"),
            (
                "sitting_head_turned",
                "The same person with their head turned to one side, an arrow showing the turn",
            ),
        ],
        "reviewed_days_ago": 110,
    },
    {
        "slug": "shoulder-pendulum",
        "title": "Shoulder pendulum",
        "region": "shoulder",
        "purpose": (
            "Gently moves a stiff or painful shoulder while its muscles stay relaxed. It "
            "can ease pain and help the shoulder move again."
        ),
        "starting_position": (
            "Stand next to a table and lean forward. Rest your good hand on the table. Let "
            "your sore arm hang straight down."
        ),
        "steps": [
            "Relax your sore arm so it hangs loosely.",
            "Gently rock your body so your arm swings forwards and backwards.",
            "Then let it swing from side to side.",
            "Then let it swing in small circles, one way and then the other.",
        ],
        "dosage": dosage(2, 10, rest=30, times=3),
        "equipment": "A table, or the back of a steady chair",
        "difficulty": "gentle",
        "stop_if": SHOULDER_STOP_IF,
        "images": [
            (
                "leaning_arm_hanging",
                "A person leaning forward with one hand on a table and the other arm "
                "hanging down, an arrow showing the hand swinging in a small circle",
            ),
        ],
        "reviewed_days_ago": 35,
    },
    {
        "slug": "wall-slides",
        "title": "Wall slides",
        "region": "shoulder",
        "purpose": (
            "Helps your arm lift higher and makes the muscles around your shoulder blade stronger."
        ),
        "starting_position": (
            "Stand facing a wall, about one small step away. Put your forearms on the wall "
            "at shoulder height, with your elbows bent."
        ),
        "steps": [
            "Slowly slide your forearms up the wall, as far as feels comfortable.",
            "Keep your shoulders down, away from your ears.",
            "Hold it at the top.",
            "Slowly slide your arms back down.",
        ],
        "dosage": dosage(2, 10, hold=3, rest=30, times=1),
        "equipment": "A wall",
        "difficulty": "moderate",
        "stop_if": SHOULDER_STOP_IF,
        "images": [
            (
                "standing_at_wall",
                "A person standing facing a wall with their forearms on the wall at "
                "shoulder height",
            ),
            (
                "standing_arms_up_wall",
                "The same person with their arms slid up the wall above their head",
            ),
        ],
        "reviewed_days_ago": 80,
    },
]
