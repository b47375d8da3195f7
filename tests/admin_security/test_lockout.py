"""A pause after five wrong passwords for one username from one address (django-axes),
with a page that says when to try again."""

import datetime

from django.test import Client

from tests.helpers.sign_in import LOGIN_URL, PASSWORD, sign_in, text_of


def test_five_wrong_passwords_pause_sign_in_with_a_page_that_says_when(clock, client, editor):
    for _ in range(4):
        wrong = sign_in(client, password="not-the-password")
        assert wrong.status_code == 200
        assert "Your username and password didn't match" in text_of(wrong)

    locked = sign_in(client, password="not-the-password")
    assert locked.status_code == 429
    assert "Sign-in paused for 15 minutes" in text_of(locked)
    assert "Try again after 12:15" in text_of(locked)

    # Even the right password is refused during the pause.
    assert sign_in(client).status_code == 429
    assert client.get("/admin/").url.startswith(LOGIN_URL)


def test_sign_in_works_again_after_the_pause(clock, client, editor):
    for _ in range(5):
        sign_in(client, password="not-the-password")
    clock.shift(datetime.timedelta(minutes=14))
    assert sign_in(client).status_code == 429
    # That try restarted the pause.
    clock.shift(datetime.timedelta(minutes=14))
    assert sign_in(client).status_code == 429
    clock.shift(datetime.timedelta(minutes=15, seconds=1))
    assert sign_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_locked_username_does_not_lock_out_colleagues_or_other_places(
    clock, client, editor, django_user_model
):
    django_user_model.objects.create_superuser(
        username="colleague", email="colleague@example.com", password=PASSWORD
    )
    for _ in range(5):
        sign_in(client, password="not-the-password")
    assert sign_in(Client(), username="colleague").status_code == 302
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7")).status_code == 302
    assert sign_in(Client()).status_code == 429


def test_a_correct_password_clears_earlier_mistakes(clock, client, editor):
    for _ in range(4):
        sign_in(client, password="not-the-password")
    assert sign_in(client).status_code == 302
    client.post("/admin/logout/")
    for _ in range(4):
        assert sign_in(client, password="not-the-password").status_code == 200
