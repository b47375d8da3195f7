"""How much and how often, in the same short words on every exercise, article block and
handout: "3 sets of 10, twice a day"; plain enough for reading grade 8 or below."""

import itertools

import pytest

from learning.dosage import Dosage, dosage_errors, duration
from learning.reading_level import plain_text, reading_grade

TARGET_GRADE = 8


@pytest.mark.parametrize(
    ("dosage", "summary"),
    [
        (Dosage(sets=3, repetitions=10, times_per_period=2), "3 sets of 10, twice a day"),
        (Dosage(repetitions=10, times_per_period=1), "Do it 10 times, once a day"),
        (Dosage(sets=1, repetitions=15, times_per_period=3), "Do it 15 times, 3 times a day"),
        (Dosage(hold_seconds=20, times_per_period=1), "Hold for 20 seconds, once a day"),
        (
            Dosage(hold_seconds=30, repetitions=5, times_per_period=2),
            "Do it 5 times, holding each for 30 seconds, twice a day",
        ),
        (
            Dosage(sets=2, repetitions=8, hold_seconds=5, times_per_period=3, period="week"),
            "2 sets of 8, holding each for 5 seconds, 3 times a week",
        ),
        (
            Dosage(hold_seconds=90, times_per_period=7, period="week"),
            "Hold for 1 minute 30 seconds, every day",
        ),
        (
            Dosage(hold_seconds=1, times_per_period=1, period="week"),
            "Hold for 1 second, once a week",
        ),
        (Dosage(repetitions=10), "Do it 10 times"),
    ],
)
def test_the_summary_reads_as_patients_say_it(dosage, summary):
    assert dosage.summary() == summary


def test_the_dosage_box_lines():
    assert Dosage(sets=3, repetitions=10, rest_seconds=60, times_per_period=2).lines() == [
        "3 sets of 10",
        "Rest for 1 minute between sets",
        "Twice a day",
    ]
    assert Dosage(repetitions=10, rest_seconds=5, times_per_period=1).lines() == [
        "Do it 10 times",
        "Rest for 5 seconds between each one",
        "Once a day",
    ]
    # A rest of none is not a line of its own.
    assert Dosage(hold_seconds=20, rest_seconds=0, times_per_period=2).lines() == [
        "Hold for 20 seconds",
        "Twice a day",
    ]


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(1, "1 second"), (45, "45 seconds"), (60, "1 minute"), (150, "2 minutes 30 seconds")],
)
def test_durations(seconds, words):
    assert duration(seconds) == words


def test_an_override_changes_only_what_it_sets():
    own = Dosage(sets=3, repetitions=10, rest_seconds=30, times_per_period=2)
    assert own.overridden_by(Dosage(repetitions=12)).summary() == "3 sets of 12, twice a day"
    # How often is replaced whole: a number from one and a period from the other would mislead.
    weekly = own.overridden_by(Dosage(times_per_period=3, period="week"))
    assert weekly.summary() == "3 sets of 10, 3 times a week"
    assert own.overridden_by(Dosage()) == own


def every_dosage():
    """A spread of dosages across every field's range, as editors could set them."""
    for sets, reps, hold, rest, times, period in itertools.product(
        (None, 1, 3, 10),
        (None, 1, 10, 50),
        (None, 5, 60, 300),
        (None, 0, 30, 600),
        (1, 2, 3, 7),
        ("day", "week"),
    ):
        dosage = Dosage(sets, reps, hold, rest, times, period)
        if not dosage_errors(dosage):
            yield dosage


def test_every_wording_is_grade_8_or_below():
    checked = 0
    worst = (0, "")
    for dosage in every_dosage():
        for text in (dosage.summary(), plain_text(dosage.lines())):
            grade = reading_grade(text)
            worst = max(worst, (grade, text))
            checked += 1
    assert checked > 1000
    assert worst[0] <= TARGET_GRADE, worst


def test_out_of_range_values_name_the_field_and_the_range():
    errors = dosage_errors(
        Dosage(sets=0, repetitions=51, hold_seconds=301, rest_seconds=601, times_per_period=8)
    )
    assert errors == {
        "sets": "Sets must be between 1 and 10; you entered 0.",
        "repetitions": "Repetitions must be between 1 and 50; you entered 51.",
        "hold_seconds": "Hold time must be between 1 and 300 seconds; you entered 301.",
        "rest_seconds": "Rest must be between 0 and 600 seconds; you entered 601.",
        "times_per_period": "How often must be between 1 and 7; you entered 8.",
    }


def test_an_override_need_not_be_complete_but_an_exercise_must():
    assert dosage_errors(Dosage(repetitions=12), complete=False) == {}
    missing = dosage_errors(Dosage())
    assert set(missing) == {"repetitions", "times_per_period"}
