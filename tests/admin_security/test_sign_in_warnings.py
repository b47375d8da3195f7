"""The sign-in page warns before the last try, and the lock-out page gives the time in the
clinic's time zone."""

import datetime
import importlib

import pytest
import time_machine

from tests.helpers.sign_in import sign_in, text_of

ONE_TRY_LEFT = "One more wrong password will pause sign-in for this account for 15 minutes."


@pytest.fixture
def summer_clock():
    """Noon UTC in British Summer Time: 13:00 at the clinic."""
    with time_machine.travel(
        datetime.datetime(2026, 7, 1, 12, tzinfo=datetime.UTC), tick=False
    ) as traveller:
        yield traveller


def test_the_clinic_time_zone_is_london_unless_the_environment_says_otherwise(monkeypatch):
    from clinic_site.settings import base

    monkeypatch.setenv("TIME_ZONE", "Europe/Dublin")
    assert importlib.reload(base).TIME_ZONE == "Europe/Dublin"
    monkeypatch.delenv("TIME_ZONE")
    assert importlib.reload(base).TIME_ZONE == "Europe/London"


def test_the_lock_out_page_gives_the_time_at_the_clinic(summer_clock, client, editor, settings):
    # The demo clinic's zone, whatever the environment running the tests says.
    settings.TIME_ZONE = "Europe/London"
    for _ in range(5):
        locked = sign_in(client, password="not-the-password")
    assert locked.status_code == 429
    assert "Try again after 13:15 (1 July 2026, BST)" in text_of(locked)


def test_the_sign_in_page_warns_when_one_try_is_left(clock, client, editor):
    for _ in range(3):
        wrong = sign_in(client, password="not-the-password")
        assert wrong.status_code == 200
        assert ONE_TRY_LEFT not in text_of(wrong)
    fourth = sign_in(client, password="not-the-password")
    assert fourth.status_code == 200
    assert "Your username and password didn't match" in text_of(fourth)
    assert ONE_TRY_LEFT in text_of(fourth)
    # Only the response to a failed try warns, and the count is per username and address.
    assert ONE_TRY_LEFT not in text_of(client.get("/admin/login/"))
    assert ONE_TRY_LEFT not in text_of(sign_in(client, username="someone-else", password="x"))


def test_a_correct_password_starts_the_count_again(clock, client, editor):
    for _ in range(3):
        sign_in(client, password="not-the-password")
    assert sign_in(client).status_code == 302
    client.post("/admin/logout/")
    for _ in range(3):
        assert ONE_TRY_LEFT not in text_of(sign_in(client, password="not-the-password"))
