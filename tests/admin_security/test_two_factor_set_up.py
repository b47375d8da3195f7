"""Linking an authenticator app: on the first sign-in, and only within a window after the
account is made or reset (trust on first use), with a secret only this session has seen."""

import base64
import datetime
import re
from io import StringIO

from bs4 import BeautifulSoup
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.core.management import call_command
from django.test import Client

from tests.helpers.sign_in import SET_UP_URL, VERIFY_URL, code_for, sign_in, text_of


def test_first_sign_in_sets_up_an_authenticator_app(two_factor, clock, client, editor):
    sign_in(client)
    assert client.get("/admin/").url.startswith(SET_UP_URL)

    page = client.get(SET_UP_URL)
    html = BeautifulSoup(page.content, "html.parser")
    assert html.select_one("img[src^='data:image/svg+xml;base64,']")["alt"]
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    assert device.config_url.startswith("otpauth://totp/Physiotherapy%20clinic%3Aeditor?")
    secret = html.find("code").get_text()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)

    refused = client.post(SET_UP_URL, {"otp_token": "123"})
    assert "That code is wrong or has expired" in text_of(refused)
    assert client.get("/admin/").status_code == 302

    clock.shift(datetime.timedelta(seconds=2))
    done = client.post(SET_UP_URL, {"otp_token": code_for(device)}, follow=True)
    assert done.redirect_chain[0] == ("/admin/", 302)
    assert done.status_code == 200
    assert "Two-step sign-in is on" in text_of(done)
    device.refresh_from_db()
    assert device.confirmed


def test_a_password_alone_cannot_add_a_second_app(two_factor, clock, client, editor_with_app):
    editor, _ = editor_with_app
    sign_in(client)
    response = client.get(SET_UP_URL)
    assert response.status_code == 302
    assert response.url.startswith(VERIFY_URL)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


SET_UP_WINDOW = datetime.timedelta(days=7)


def secret_on(page):
    return BeautifulSoup(page.content, "html.parser").find("code").get_text()


def code_for_secret(secret):
    return f"{totp(base64.b32decode(secret)):06d}"


def assert_set_up_refused(client, username="editor"):
    page = client.get(SET_UP_URL)
    assert page.status_code == 403
    assert "ask a clinic administrator to run" in text_of(page).lower()
    assert f"manage.py reset_two_factor {username}" in text_of(page)
    html = BeautifulSoup(page.content, "html.parser")
    assert html.select_one("img") is None
    assert "otpauth://" not in page.content.decode()
    assert html.select_one("form[action='/admin/logout/'] button").get_text() == "Sign out"


def test_a_new_account_can_set_up_an_app_until_the_window_closes(two_factor, clock, editor):
    clock.shift(SET_UP_WINDOW - datetime.timedelta(seconds=1))
    early = Client()
    sign_in(early)
    assert early.get(SET_UP_URL).status_code == 200

    clock.shift(datetime.timedelta(seconds=1))
    late = Client()
    sign_in(late)
    assert_set_up_refused(late)


def test_an_old_account_without_an_app_cannot_set_one_up_or_reach_the_admin(
    two_factor, clock, client, editor
):
    clock.shift(SET_UP_WINDOW + datetime.timedelta(days=300))
    sign_in(client)
    assert_set_up_refused(client)
    refused = client.post(SET_UP_URL, {"otp_token": "123456"})
    assert refused.status_code == 403
    assert not TOTPDevice.objects.filter(user=editor).exists()
    for url in ["/admin/", "/admin/users/"]:
        assert client.get(url, follow=True).status_code == 403, url
    assert client.get(VERIFY_URL).url.startswith(SET_UP_URL)


def test_a_reset_reopens_set_up_for_the_window_only(two_factor, clock, client, editor):
    clock.shift(datetime.timedelta(days=400))
    call_command("reset_two_factor", "editor", stdout=StringIO())
    clock.shift(SET_UP_WINDOW - datetime.timedelta(minutes=1))
    sign_in(client)
    page = client.get(SET_UP_URL)
    assert page.status_code == 200
    done = client.post(SET_UP_URL, {"otp_token": code_for_secret(secret_on(page))})
    assert done.url == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user=editor).confirmed


def test_set_up_after_a_reset_closes_when_the_window_does(two_factor, clock, client, editor):
    clock.shift(datetime.timedelta(days=400))
    call_command("reset_two_factor", "editor", stdout=StringIO())
    clock.shift(SET_UP_WINDOW)
    sign_in(client)
    assert_set_up_refused(client)


def test_each_session_gets_its_own_secret_and_keeps_it_after_a_wrong_code(
    two_factor, clock, editor
):
    abandoned, finishing = Client(), Client()
    sign_in(abandoned)
    first_secret = secret_on(abandoned.get(SET_UP_URL))
    sign_in(finishing)
    page = finishing.get(SET_UP_URL)
    secret = secret_on(page)
    assert secret != first_secret

    refused = finishing.post(SET_UP_URL, {"otp_token": "123"})
    assert "That code is wrong or has expired" in text_of(refused)
    assert secret_on(refused) == secret
    assert secret_on(finishing.get(SET_UP_URL)) == secret

    clock.shift(datetime.timedelta(seconds=2))
    assert finishing.post(SET_UP_URL, {"otp_token": code_for_secret(secret)}).url == "/admin/"
    # The secret shown to the other session links nothing.
    assert abandoned.get(SET_UP_URL).url.startswith(VERIFY_URL)
    stale = abandoned.post(VERIFY_URL, {"otp_token": code_for_secret(first_secret)})
    assert "That code is wrong or has expired" in text_of(stale)
    assert abandoned.get("/admin/").status_code == 302
