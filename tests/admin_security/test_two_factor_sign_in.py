"""Signing in with a code from an authenticator app after the password, when
ADMIN_REQUIRE_2FA is on (production), and without one in dev and tests."""

import datetime
import subprocess
import sys

from django.test import Client

from tests.helpers.environment import (
    PRODUCTION_ENV,
    PROJECT_DIR,
    environment_without_test_settings,
)
from tests.helpers.sign_in import LOGIN_URL, VERIFY_URL, code_for, sign_in, text_of


def test_password_alone_leads_a_returning_editor_to_the_code_page(
    two_factor, clock, client, editor_with_app
):
    sign_in(client)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY_URL}?next=/admin/pages/"
    assert client.get("/admin/").url.startswith(VERIFY_URL)
    page = client.get(VERIFY_URL)
    assert page.status_code == 200
    assert "Enter your sign-in code" in text_of(page)


def test_a_wrong_code_is_refused_with_a_message_and_the_right_one_lets_you_in(
    two_factor, clock, client, editor_with_app
):
    _, device = editor_with_app
    sign_in(client)
    right = code_for(device)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    refused = client.post(VERIFY_URL, {"otp_token": wrong, "next": "/admin/pages/"})
    assert refused.status_code == 200
    assert "That code is wrong or has expired" in text_of(refused)
    assert client.get("/admin/pages/").status_code == 302

    # django-otp makes you wait a second after a wrong code, then two, four...
    clock.shift(datetime.timedelta(seconds=2))
    accepted = client.post(VERIFY_URL, {"otp_token": right, "next": "/admin/pages/"})
    assert accepted.status_code == 302
    assert accepted["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_guessing_codes_quickly_is_slowed_down(two_factor, clock, client, editor_with_app):
    _, device = editor_with_app
    sign_in(client)
    client.post(VERIFY_URL, {"otp_token": "000000"})
    too_soon = client.post(VERIFY_URL, {"otp_token": code_for(device)})
    assert "Too many wrong codes. Wait until 12:00:01" in text_of(too_soon)
    assert client.get("/admin/").status_code == 302


def test_a_used_code_does_not_work_twice(two_factor, clock, editor_with_app):
    _, device = editor_with_app
    code = code_for(device)
    first, second = Client(), Client()
    sign_in(first)
    assert first.post(VERIFY_URL, {"otp_token": code}).status_code == 302
    sign_in(second)
    replay = second.post(VERIFY_URL, {"otp_token": code})
    assert "That code is wrong or has expired" in text_of(replay)
    assert second.get("/admin/").status_code == 302


def test_the_code_page_never_redirects_to_another_site(two_factor, clock, client, editor_with_app):
    _, device = editor_with_app
    sign_in(client)
    response = client.post(
        VERIFY_URL, {"otp_token": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_signing_out_works_before_the_code(two_factor, clock, client, editor_with_app):
    sign_in(client)
    client.post("/admin/logout/")
    assert client.get("/admin/").url.startswith(LOGIN_URL)


def test_dev_and_tests_leave_the_code_off_unless_asked(client, editor):
    sign_in(client)
    assert client.get("/admin/").status_code == 200


def test_production_requires_the_code():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.ADMIN_REQUIRE_2FA)",
        ],
        cwd=PROJECT_DIR,
        env={
            **environment_without_test_settings(),
            "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
            **PRODUCTION_ENV,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
