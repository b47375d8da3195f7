"""A programme's link is unguessable, its dosage overrides the exercise's own, and its
text cannot hold an e-mail address or phone number."""

import datetime
import math
import re
from collections import Counter

import pytest

from learning.dosage import Dosage
from programmes.identifiers import identifier_error
from programmes.models import Programme, ProgrammeExercise, default_expiry, is_token_shaped


def shannon_bits_per_character(text):
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def test_each_link_has_at_least_128_random_bits_and_is_unique(db):
    tokens = [Programme.objects.create(title=f"Programme {n}").token for n in range(200)]

    assert len(set(tokens)) == len(tokens)
    # 32 characters from a 64-letter alphabet: 192 bits from `secrets`.
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{32}", token) for token in tokens)
    assert all(is_token_shaped(token) for token in tokens)
    assert len(tokens[0]) * math.log2(64) >= 128
    # Random, not a counter or a timestamp: the characters are spread across the alphabet.
    assert shannon_bits_per_character("".join(tokens)) > 5.9
    assert len({token[:8] for token in tokens}) == len(tokens)


def test_the_link_is_the_token_and_does_not_change_on_save(db):
    programme = Programme.objects.create(title="Back care")
    token = programme.token
    programme.title = "Back care, weeks 1 to 6"
    programme.save()
    programme.refresh_from_db()

    assert programme.token == token
    assert programme.get_absolute_url() == f"/p/{token}/"
    assert programme.handout_path() == f"/p/{token}/handout.pdf"


def test_a_new_programme_is_available_for_12_weeks(db, frozen_today):
    with frozen_today(datetime.date(2026, 3, 2)):
        assert default_expiry() == datetime.date(2026, 5, 25)
        assert Programme(title="Neck").expires_on == datetime.date(2026, 5, 25)


def test_a_programme_changes_only_the_dosage_it_sets(programme, knee_exercise):
    row = programme.exercises.get()

    assert knee_exercise.dosage == Dosage(
        sets=3, repetitions=10, rest_seconds=30, times_per_period=2, period="day"
    )
    assert row.dosage().summary() == "3 sets of 12, twice a day"
    assert ProgrammeExercise(exercise=knee_exercise).dosage() == knee_exercise.dosage


def test_a_number_alone_keeps_the_exercises_own_period(knee_exercise):
    # The exercise is done 3 times a week; the physiotherapist asks for twice (a week).
    knee_exercise.times_per_period, knee_exercise.period = 3, "week"
    row = ProgrammeExercise(exercise=knee_exercise, times_per_period=2, period="")
    assert row.dosage().frequency() == "twice a week"


@pytest.mark.parametrize(
    "text",
    [
        "jane.smith@example.com",
        "Reply to jo @ mail.example.co.uk",
        "07700 900123",
        "Ring 07700900123 if stuck",
        "+44 7700 900123",
        "(020) 7946 0018",
        "0161-496-0000",
        "0044 20 7946 0018",
        "+1 (555) 123-4567",
        "(555) 123-4567",
        "Call 555-123-4567",
        "555.123.4567",
        "+33 1 23 45 67 89",
    ],
)
def test_text_that_looks_like_contact_details_is_refused(text):
    assert identifier_error(text).startswith("Remove the ")


@pytest.mark.parametrize(
    "text",
    [
        "3 sets of 10, twice a day",
        "Hold for 30 seconds, rest 60 seconds, 2 x 15",
        "Weeks 1-6 after knee surgery, 3x10",
        "Rate your pain from 0 to 10 each day",
        "Knee programme 2026",
    ],
)
def test_dosage_and_ordinary_numbers_are_allowed(text):
    assert identifier_error(text) is None
