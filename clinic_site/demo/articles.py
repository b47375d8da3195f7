"""Text of the demo articles, written for patients in plain words.

Each article follows the same shape: explanatory sections, a numbered list of
benefits, a risks section that sends the reader to their physiotherapist.
Disclaimers come from the clinic's defaults.
"""

THERAPEUTIC_EXERCISE = {
    "slug": "therapeutic-exercise",
    "title": "Therapeutic exercise",
    "summary": (
        "What therapeutic exercise is, why physiotherapists use it so often, "
        "how it can help you and what to think about before you start."
    ),
    "image": {"colours": ("#00594f", "#7fc8b9"), "seed": 1},
    "image_alt": (
        "Drawing of a person on an exercise mat doing a side stretch, "
        "one arm reaching over their head"
    ),
    "body": [
        (
            "section",
            {
                "heading": "What is therapeutic exercise?",
                "text": (
                    "<p>Therapeutic exercise is movement you do on purpose to help your "
                    "body heal, get stronger or stay well. It is what physiotherapists "
                    "are best known for. It also has more research behind it than any "
                    "other treatment we offer.</p>"
                    "<p>Exercise can affect almost every system in the body: muscles and "
                    "joints, but also the heart, lungs, nerves and mood.</p>"
                ),
            },
        ),
        (
            "section",
            {
                "heading": "Why does my physiotherapist give me exercises?",
                "text": (
                    "<p>Your physiotherapist may use exercise to fix an imbalance between "
                    "muscles, get a stiff joint moving again, build strength or ease "
                    "pain.</p>"
                    "<p>Exercise tends to give the longest-lasting results. It changes "
                    "your tissues over time and improves <b>how well you move</b>, which "
                    "hands-on treatment alone cannot do. Many aches and strains start with "
                    "the way we move, so moving better can stop a problem from coming "
                    "back.</p>"
                    "<p>To work, the exercises have to be the right ones, done the right "
                    "way: how many, how hard and how often. Your physiotherapist will set "
                    "these for you and change them as you improve.</p>"
                ),
            },
        ),
        (
            "benefits",
            {
                "heading": "How can therapeutic exercise help me?",
                "intro": "Among other things, therapeutic exercise may:",
                "items": [
                    "Bring back range of motion and movement",
                    {"text": "Reduce pain, or take it away", "reference": 1},
                    "Prevent loss of function, or help you get it back",
                    {"text": "Improve your sense of well-being", "reference": 2},
                    "Make everyday tasks, work and hobbies easier",
                    {"text": "Lower stress and anxiety", "reference": 2},
                ],
                "closing_text": (
                    "<p>Exercise helps people who are already healthy as well as people "
                    "living with a long-term illness.</p>"
                ),
            },
        ),
        (
            "risks",
            {
                "heading": "Are there risks to therapeutic exercise?",
                "text": (
                    "<p>Yes, exercise has some risks, and your physiotherapist knows what "
                    "they are. Depending on your health history, you may need to take some "
                    "care. For most people, the benefits of exercise are much greater "
                    "than the risks.</p>"
                ),
                "precautions": [
                    "Tell your physiotherapist about any heart, lung or other health problems.",
                    "Stop and tell us if an exercise gives you sharp or growing pain.",
                    "Start gently and build up step by step.",
                ],
                "talk_to_us": "Talk to your physiotherapist about any worries you have.",
            },
        ),
    ],
    "references": [
        (
            "reference",
            {
                "citation": "Hayden JA, Ellis J, Ogilvie R, Malmivaara A, van Tulder MW. "
                "Exercise therapy for chronic low back pain. Cochrane Database of "
                "Systematic Reviews. 2021.",
                "url": "",
                "doi": "10.1002/14651858.CD009790.pub2",
            },
        ),
        (
            "reference",
            {
                "citation": "Bull FC, et al. World Health Organization 2020 guidelines on "
                "physical activity and sedentary behaviour. British Journal of Sports "
                "Medicine. 2020;54:1451-1462.",
                "url": "",
                "doi": "10.1136/bjsports-2020-102955",
            },
        ),
    ],
    # Review dates relative to today, so the review report always has something to show.
    "reviewed_days_ago": 3 * 365 - 30,
    "topics": ["exercise", "pain", "back"],
}

MANUAL_THERAPY = {
    "slug": "manual-therapy",
    "title": "Manual therapy",
    "summary": (
        "How hands-on treatment such as massage and joint mobilisation can ease pain "
        "and stiffness, and why it works best alongside exercise."
    ),
    "image": {"colours": ("#1d3f72", "#9cc3e6"), "seed": 2},
    "image_alt": (
        "Drawing of a seated leg bent at the knee, with two hands on either side of the knee"
    ),
    "body": [
        (
            "section",
            {
                "heading": "What is manual therapy?",
                "text": (
                    "<p>Manual therapy is treatment your physiotherapist gives with their "
                    "hands. It includes soft tissue massage, gently moving a joint "
                    "(mobilisation) and stretching.</p>"
                    "<p>It is often used early on, when pain or stiffness makes it hard "
                    "to move.</p>"
                ),
            },
        ),
        (
            "section",
            {
                "heading": "How does it fit with the rest of my treatment?",
                "text": (
                    "<p>Manual therapy can ease pain and help you move more freely for a "
                    "while. That window is a good time to start exercises that keep the "
                    "gains going.</p>"
                    "<p>Most people get the best results when hands-on treatment and "
                    "exercise are used together.</p>"
                ),
            },
        ),
        (
            "benefits",
            {
                "heading": "How can manual therapy help me?",
                "intro": "Manual therapy may:",
                "items": [
                    "Ease pain and muscle tension",
                    "Loosen stiff joints",
                    "Help you move more comfortably",
                    "Make it easier to start your exercises",
                    "Help you relax",
                ],
                "closing_text": "",
            },
        ),
        (
            "risks",
            {
                "heading": "Are there risks to manual therapy?",
                "text": (
                    "<p>Serious problems are rare. Some people feel a little sore for a day "
                    "or two after treatment. Your physiotherapist will ask about your "
                    "health first, and will not use techniques that are not safe for "
                    "you.</p>"
                ),
                "precautions": [
                    "Tell us if you have osteoporosis, a bleeding problem or take blood thinners.",
                    "Tell us straight away if anything feels wrong during treatment.",
                ],
                "talk_to_us": "Talk to your physiotherapist about any worries you have.",
            },
        ),
    ],
    "references": [],
    "reviewed_days_ago": 100,
    "topics": ["pain", "back", "neck"],
}

HEAT_AND_ICE = {
    "slug": "heat-and-ice",
    "title": "Heat and ice for aches and injuries",
    "summary": (
        "When to use ice and when to use heat for aches, strains and sore muscles, "
        "and how to do it safely at home."
    ),
    "image": {"colours": ("#7a2e0e", "#f2b880"), "seed": 3},
    "image_alt": (
        "Drawing of a red hot-water bottle giving off heat, "
        "next to a blue ice pack with a snowflake on it"
    ),
    "body": [
        (
            "section",
            {
                "heading": "Should I use heat or ice?",
                "text": (
                    "<p>As a simple rule:</p>"
                    "<ul><li><b>Ice</b> can help in the first two or three days after a "
                    "new injury, such as a sprain, when the area is swollen or warm.</li>"
                    "<li><b>Heat</b> can help with stiff joints and tight or aching "
                    "muscles that have been sore for a while.</li></ul>"
                ),
            },
        ),
        (
            "section",
            {
                "heading": "How do I use them safely?",
                "text": (
                    "<p>Wrap an ice pack or a bag of frozen peas in a damp towel. Never put "
                    "ice straight on your skin. Use it for up to 15 minutes at a time.</p>"
                    "<p>Use a warm (not hot) pack or a hot water bottle wrapped in a towel "
                    "for up to 20 minutes. Check your skin every few minutes.</p>"
                ),
            },
        ),
        (
            "benefits",
            {
                "heading": "How can heat and ice help me?",
                "intro": "Used well, heat and ice may:",
                "items": [
                    "Ease pain for a short time",
                    "Reduce swelling after a new injury (ice)",
                    "Relax tight muscles (heat)",
                    "Make it easier to move and do your exercises",
                ],
                "closing_text": "",
            },
        ),
        (
            "risks",
            {
                "heading": "Are there risks to heat and ice?",
                "text": (
                    "<p>Both can burn or damage the skin if used for too long or too close "
                    "to the skin. Take extra care if you have poor feeling or blood flow in "
                    "the area, for example with diabetes.</p>"
                ),
                "precautions": [
                    "Do not use heat or ice on broken skin.",
                    "Do not fall asleep with a heat or ice pack on.",
                    "Do not use heat on a new, swollen injury.",
                ],
                "talk_to_us": "Ask your physiotherapist which is right for you.",
            },
        ),
    ],
    "references": [],
    "reviewed_days_ago": 3 * 365 + 20,
    "topics": ["pain", "self-care"],
}

ARTICLES = [THERAPEUTIC_EXERCISE, MANUAL_THERAPY, HEAT_AND_ICE]

# Topics are found again by their slug.
TOPICS = [
    {
        "slug": "back",
        "name": "Back",
        "description": "Looking after your back, and easing back pain.",
    },
    {"slug": "exercise", "name": "Exercise", "description": "Moving well and exercising safely."},
    {"slug": "neck", "name": "Neck", "description": "Neck pain and stiffness."},
    {"slug": "pain", "name": "Pain", "description": "Understanding and easing pain."},
    {
        "slug": "self-care",
        "name": "Self-care",
        "description": "Things you can do at home between appointments.",
    },
]

# Demo people are found again by their email address.
# Demo admin logins for each role: username -> (role, the demo person it is, if any).
ROLE_USERS = {
    "sam": ("Physiotherapists", "sam.okafor@northgate-physio.example"),
    "jo": ("Clinical reviewers", "jo.lindqvist@northgate-physio.example"),
    "morgan": ("Site staff", None),
}

AUTHOR = {
    "name": "Sam Okafor",
    "profession": "Physiotherapist",
    "credentials": "PT, MSc",
    "email": "sam.okafor@northgate-physio.example",
}
REVIEWER = {
    "name": "Jo Lindqvist",
    "profession": "Clinical lead physiotherapist",
    "credentials": "PT, DPT",
    "email": "jo.lindqvist@northgate-physio.example",
}

MEDICAL_ADVICE_DISCLAIMER = {
    "name": "Medical advice disclaimer (default)",
    "kind": "medical_advice",
    "heading": "",
    "text": (
        "<p>The information on this website is general health information. It is not "
        "medical advice and it cannot diagnose or treat you. Only a qualified health "
        "professional who has assessed you can say how it applies to you. If you are "
        "worried about your health, contact your doctor or physiotherapist. Do not rely "
        "on this website to make decisions about your health.</p>"
    ),
    "links_to_terms": True,
}

LITERATURE_NOTE = {
    "name": "Not a literature review (default closing note)",
    "kind": "literature_note",
    "heading": "Please note",
    "text": (
        "<p>This article is not a review of the research. It may mention some studies, "
        "but it should not be used as scientific evidence for or against any treatment. "
        "To understand the research about a treatment, ask your physiotherapist or "
        "another health professional.</p>"
    ),
    "links_to_terms": False,
}

TERMS_OF_USE = {
    "slug": "terms-of-use",
    "title": "Terms and Conditions of Use",
    "body": (
        "<h2>About these terms</h2>"
        "<p>These terms apply to everyone who uses this website. By using the website "
        "you accept them. Please read them carefully.</p>"
        "<h2>Health information is not medical advice</h2>"
        "<p>The articles in our Learning Centre give general information about "
        "physiotherapy. They do not replace an assessment by a qualified health "
        "professional. Never ignore professional advice, or delay seeking it, because "
        "of something you read here.</p>"
        "<h2>Limits of our liability</h2>"
        "<p>We work to keep the information accurate and up to date, but we cannot "
        "promise that it is complete or suitable for your situation. As far as the law "
        "allows, we are not liable for any loss or harm that comes from using this "
        "website or relying on its content.</p>"
        "<h2>Links to other websites</h2>"
        "<p>We are not responsible for the content of other websites we link to.</p>"
        "<h2>Changes to these terms</h2>"
        "<p>We may update these terms. The date at the top of this page shows when they "
        "last changed.</p>"
    ),
}

CLINIC_DETAILS = {
    "clinic_name": "Northgate Physiotherapy",
    "phone": "01632 960 123",
    "email": "hello@northgate-physio.example",
    "address": "12 Mill Lane\nNorthgate\nNG1 2AB",
    "opening_hours": "Monday to Friday: 8am to 7pm\nSaturday: 9am to 1pm",
    "opening_hours_for_search_engines": "Mo-Fr 08:00-19:00, Sa 09:00-13:00",
    "booking_url": "https://booking.northgate-physio.example/",
}

HOME_INTRO = (
    "<p>Friendly, expert physiotherapy to help you move well and feel better. Our "
    "<b>Learning Centre</b> explains the treatments we use in plain words.</p>"
)

LEARNING_CENTRE = {
    "slug": "learning-centre",
    "title": "Learning Centre",
    "intro": (
        "<p>Short articles written by our physiotherapists about the treatments we use, "
        "what they can do for you and what to think about before you start.</p>"
    ),
    "image": {"colours": ("#00594f", "#c6e4dd"), "seed": 4},
    "image_alt": "Drawing of an open booklet of patient information",
}
