"""A cap on failed sign-ins from one address for all usernames together, against
password spraying (a password or two tried against many usernames), with its own page."""

import datetime

import pytest

from django.test import Client

from tests.helpers.sign_in import PASSWORD, sign_in, text_of

OFFICE = "192.0.2.10"
SPRAYER = "203.0.113.9"
GUESS = "Spring2026!"


@pytest.fixture
def cap(settings):
    return settings.ADMIN_ADDRESS_FAILURE_LIMIT


def spray(address, usernames):
    """One wrong password for each username, from `address`; the responses."""
    return [
        sign_in(Client(REMOTE_ADDR=address), username=username, password=GUESS)
        for username in usernames
    ]


def test_spraying_many_usernames_pauses_that_address_with_its_own_page(clock, editor, cap):
    responses = spray(SPRAYER, [f"staff-{n}" for n in range(cap)])
    assert [response.status_code for response in responses[:-1]] == [200] * (cap - 1)
    paused = responses[-1]
    assert paused.status_code == 429
    page = text_of(paused)
    assert "Too many sign-in attempts from your network" in page
    assert "several different accounts" in page
    assert "Try again after 12:15" in page
    assert "ask a clinic administrator" in page
    assert "Sign-in paused for" not in page

    # Nobody signs in from that address now, not even with the right password...
    refused = sign_in(Client(REMOTE_ADDR=SPRAYER))
    assert refused.status_code == 429
    assert "Too many sign-in attempts from your network" in text_of(refused)
    # ...but everyone else still can.
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7")).status_code == 302


def test_the_address_can_sign_in_again_after_the_pause(clock, editor, cap):
    spray(SPRAYER, [f"staff-{n}" for n in range(cap)])
    clock.shift(datetime.timedelta(minutes=14))
    assert sign_in(Client(REMOTE_ADDR=SPRAYER)).status_code == 429
    clock.shift(datetime.timedelta(minutes=15, seconds=1))
    assert sign_in(Client(REMOTE_ADDR=SPRAYER)).status_code == 302


def test_a_few_typos_across_the_clinic_pause_nobody(clock, editor, django_user_model, cap):
    colleagues = [f"physio-{n}" for n in range(6)]
    for username in colleagues:
        django_user_model.objects.create_user(username=username, password=PASSWORD)
    # Just under the cap: four typos each by six colleagues, no more than 24 in all.
    typos = (colleagues * 4)[: cap - 1]
    assert all(response.status_code == 200 for response in spray(OFFICE, typos))
    for username in ["editor", *colleagues]:
        assert sign_in(Client(REMOTE_ADDR=OFFICE), username=username).status_code == 302


def test_a_colleague_signing_in_does_not_clear_the_sprayers_count(clock, editor, cap):
    spray(OFFICE, [f"staff-{n}" for n in range(cap - 1)])
    assert sign_in(Client(REMOTE_ADDR=OFFICE)).status_code == 302
    assert spray(OFFICE, ["staff-last"])[0].status_code == 429


def test_one_colleague_who_keeps_trying_during_their_pause_pauses_only_themselves(
    clock, editor, django_user_model, cap
):
    django_user_model.objects.create_user(username="colleague", password=PASSWORD)
    responses = spray(OFFICE, ["editor"] * (cap + 10))
    assert [response.status_code for response in responses[:4]] == [200] * 4
    assert {response.status_code for response in responses[4:]} == {429}
    assert "Sign-in paused for 15 minutes" in text_of(responses[-1])
    assert sign_in(Client(REMOTE_ADDR=OFFICE), username="colleague").status_code == 302


def test_the_per_username_pause_still_comes_first(clock, editor):
    responses = spray(SPRAYER, ["editor"] * 5)
    assert [response.status_code for response in responses] == [200] * 4 + [429]
    page = text_of(responses[-1])
    assert "Sign-in paused for 15 minutes" in page
    assert "Too many sign-in attempts from your network" not in page
