"""Resetting a forgotten password by email: the new password must be long enough, and
signing in with it still asks for the code."""

import re

from django.core import mail

from tests.helpers.sign_in import LOGIN_URL, PASSWORD, VERIFY_URL, code_for, sign_in, text_of


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
