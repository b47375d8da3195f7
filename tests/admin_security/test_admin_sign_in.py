"""Signing in to the admin: a code from an authenticator app after the password, a pause
after repeated wrong passwords, a password reset that does not skip the code, and the
admin's own Content-Security-Policy."""

import base64
import datetime
import re
import subprocess
import sys
from io import StringIO

import pytest
import time_machine
from bs4 import BeautifulSoup
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from clinic_site.models import LegalPage
from clinic_site.roles import PHYSIOTHERAPISTS
from tests.helpers.environment import (
    PRODUCTION_ENV,
    PROJECT_DIR,
    environment_without_test_settings,
)

PASSWORD = "a-long-test-password"
LOGIN_URL = "/admin/login/"
VERIFY_URL = "/admin/two-step/"
SET_UP_URL = "/admin/two-step/set-up/"


@pytest.fixture
def two_factor(settings):
    settings.ADMIN_REQUIRE_2FA = True


@pytest.fixture
def clock():
    """The clock stopped at noon UTC; clock.shift(seconds=...) moves it on."""
    with time_machine.travel(
        datetime.datetime(2026, 11, 25, 12, tzinfo=datetime.UTC), tick=False
    ) as traveller:
        yield traveller


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.com", password=PASSWORD
    )


@pytest.fixture
def editor_with_app(editor):
    """An editor who set up their authenticator app on an earlier visit."""
    device = TOTPDevice.objects.create(user=editor, name="Phone", confirmed=True)
    return editor, device


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def sign_in(client, username="editor", password=PASSWORD, **extra):
    return client.post(LOGIN_URL, {"username": username, "password": password}, **extra)


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


# The second factor


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


def test_an_administrator_can_reset_a_lost_phone(two_factor, clock, client, editor_with_app):
    out = StringIO()
    call_command("reset_two_factor", "editor", stdout=out)
    assert "Removed 1 authenticator app(s) for “editor”" in out.getvalue()
    sign_in(client)
    assert client.get("/admin/").url.startswith(SET_UP_URL)


# Who may set up an app: only soon after the account is made or reset (trust on first use)

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


def test_opening_set_up_for_everyone_without_an_app_leaves_apps_alone(
    two_factor, clock, editor, django_user_model
):
    physio = django_user_model.objects.create_user(username="physio", password=PASSWORD)
    physio.groups.add(Group.objects.get(name=PHYSIOTHERAPISTS))
    enrolled = django_user_model.objects.create_superuser(username="enrolled", password=PASSWORD)
    app = TOTPDevice.objects.create(user=enrolled, name="Phone", confirmed=True)
    patient = django_user_model.objects.create_user(username="patient", password=PASSWORD)
    django_user_model.objects.create_superuser(username="left", password=PASSWORD, is_active=False)

    clock.shift(datetime.timedelta(days=400))
    out = StringIO()
    call_command("reset_two_factor", "--without-app", stdout=out)
    assert "Opened set-up for 2 user(s) without an app: editor, physio." in out.getvalue()

    for username in ["editor", "physio"]:
        client = Client()
        sign_in(client, username=username)
        assert client.get(SET_UP_URL).status_code == 200, username
    assert list(TOTPDevice.objects.filter(user=enrolled)) == [app]
    app.refresh_from_db()
    assert app.confirmed and app.name == "Phone"
    assert not TOTPDevice.objects.filter(user=patient).exists()
    enrolled_client = Client()
    sign_in(enrolled_client, username="enrolled")
    assert enrolled_client.get(SET_UP_URL).url.startswith(VERIFY_URL)


def test_reset_two_factor_needs_a_username_or_without_app(db):
    with pytest.raises(CommandError):
        call_command("reset_two_factor")
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "editor", "--without-app")


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


# Private documents and pages outside /admin/

RESTRICTIONS = [CollectionViewRestriction.LOGIN, CollectionViewRestriction.GROUPS]


@pytest.fixture
def private_content(settings, tmp_path, clinic):
    """make(restriction_type): a document in a collection and a page, both restricted so."""
    settings.MEDIA_ROOT = tmp_path / "media"

    def make(restriction_type):
        physios = Group.objects.get(name=PHYSIOTHERAPISTS)
        collection = Collection.get_first_root_node().add_child(name="Staff only")
        document_rule = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=restriction_type
        )
        page = clinic.home.add_child(
            instance=LegalPage(
                title="Staff notes", slug="staff-notes", body="<p>Confidential staff notes</p>"
            )
        )
        page_rule = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type)
        if restriction_type == CollectionViewRestriction.GROUPS:
            document_rule.groups.set([physios])
            page_rule.groups.set([physios])
        document = Document.objects.create(
            title="Rota",
            collection=collection,
            file=SimpleUploadedFile("rota.pdf", b"%PDF-1.4 confidential rota"),
        )
        return document, page

    return make


def body_of(response):
    return b"".join(response.streaming_content if response.streaming else [response.content])


@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_a_password_alone_opens_no_private_document_or_page(
    two_factor, clock, client, editor_with_app, private_content, restriction_type
):
    document, page = private_content(restriction_type)
    sign_in(client)
    for url in [document.url, page.url]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{VERIFY_URL}?next={url}"
    assert b"confidential rota" not in body_of(client.get(document.url))
    assert b"Confidential staff notes" not in body_of(client.get(page.url))


@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_after_the_code_private_documents_and_pages_open(
    two_factor, clock, client, editor_with_app, private_content, restriction_type
):
    _, device = editor_with_app
    document, page = private_content(restriction_type)
    sign_in(client)
    answered = client.post(VERIFY_URL, {"otp_token": code_for(device), "next": document.url})
    assert answered["Location"] == document.url

    download = client.get(document.url)
    assert download.status_code == 200
    assert body_of(download) == b"%PDF-1.4 confidential rota"
    shown = client.get(page.url)
    assert shown.status_code == 200
    assert "Confidential staff notes" in text_of(shown)


def test_a_password_alone_is_sent_to_set_up_an_app_if_there_is_none(
    two_factor, clock, client, editor, private_content
):
    document, _ = private_content(CollectionViewRestriction.LOGIN)
    sign_in(client)
    response = client.get(document.url)
    assert response["Location"] == f"{SET_UP_URL}?next={document.url}"


def test_the_code_guards_private_content_below_a_restricted_collection_or_page(
    two_factor, clock, client, editor_with_app, private_content
):
    document, page = private_content(CollectionViewRestriction.LOGIN)
    document.collection = document.collection.add_child(name="Rotas")
    document.save()
    child = page.add_child(
        instance=LegalPage(title="Rota notes", slug="rota-notes", body="<p>Rota notes</p>")
    )
    sign_in(client)
    for url in [document.url, child.url]:
        assert client.get(url)["Location"] == f"{VERIFY_URL}?next={url}", url


def test_public_documents_and_pages_need_no_code(
    two_factor, clock, client, editor_with_app, clinic, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    leaflet = Document.objects.create(
        title="Leaflet",
        collection=Collection.get_first_root_node(),
        file=SimpleUploadedFile("leaflet.txt", b"exercise leaflet"),
    )
    patient, editor_without_code = Client(), client
    sign_in(editor_without_code)
    for visitor in [patient, editor_without_code]:
        assert body_of(visitor.get(leaflet.url)) == b"exercise leaflet"
        assert visitor.get(clinic.terms.url).status_code == 200


def test_patients_still_get_wagtails_sign_in_for_private_content(
    two_factor, client, private_content
):
    document, page = private_content(CollectionViewRestriction.LOGIN)
    for url in [document.url, page.url]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/_util/login/?next=")


@pytest.mark.parametrize("restriction_type", RESTRICTIONS)
def test_without_the_code_setting_a_password_still_opens_private_content(
    clock, client, editor_with_app, private_content, restriction_type
):
    document, page = private_content(restriction_type)
    sign_in(client)
    assert body_of(client.get(document.url)) == b"%PDF-1.4 confidential rota"
    assert "Confidential staff notes" in text_of(client.get(page.url))


# Password reset


def test_a_password_reset_still_needs_the_code(two_factor, clock, client, editor_with_app):
    _, device = editor_with_app
    client.post("/admin/password_reset/", {"email": "editor@example.com"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body)
    form_url = client.get(link.group(1)).url
    new_password = "a-brand-new-clinic-password"
    done = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert done.url == "/admin/password_reset/complete/"

    assert client.get("/admin/").url.startswith(LOGIN_URL)
    signed_in = sign_in(client, password=new_password, follow=True)
    assert signed_in.redirect_chain[-1][0].startswith(VERIFY_URL)
    for url in ["/admin/", "/admin/pages/", "/admin/users/"]:
        assert client.get(url).url.startswith(VERIFY_URL), url

    client.post(VERIFY_URL, {"otp_token": code_for(device)})
    assert client.get("/admin/users/").status_code == 200


def test_a_new_password_needs_twelve_characters(client, editor):
    client.post("/admin/password_reset/", {"email": "editor@example.com"})
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body)
    form_url = client.get(link.group(1)).url
    short = "physio-2026"
    refused = client.post(form_url, {"new_password1": short, "new_password2": short})
    assert refused.status_code == 200
    assert "at least 12 characters" in text_of(refused)
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


# Lock-out after wrong passwords


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


def test_behind_a_proxy_each_client_address_counts_on_its_own(settings, clock, editor):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    attacker = Client(REMOTE_ADDR=proxy)
    for n in range(5):
        # Whatever the attacker writes into X-Forwarded-For, the proxy appends the real address.
        sign_in(attacker, password="wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.5")
    assert sign_in(attacker, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429

    colleague = Client(REMOTE_ADDR=proxy)
    assert sign_in(colleague, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 302


def test_a_correct_password_clears_earlier_mistakes(clock, client, editor):
    for _ in range(4):
        sign_in(client, password="not-the-password")
    assert sign_in(client).status_code == 302
    client.post("/admin/logout/")
    for _ in range(4):
        assert sign_in(client, password="not-the-password").status_code == 200


# The admin's Content-Security-Policy


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_admin_pages_carry_the_admin_policy(admin_client, client):
    for response in [admin_client.get("/admin/"), client.get(LOGIN_URL)]:
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["base-uri"] == ["'self'"]
        assert policy["form-action"] == ["'self'"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_the_code_pages_carry_the_admin_policy(two_factor, clock, client, editor_with_app):
    sign_in(client)
    policy = directives(client.get(VERIFY_URL)["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]


def test_patient_pages_keep_the_strict_policy(client, clinic):
    policy = directives(client.get(clinic.home.url)["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
