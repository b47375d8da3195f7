"""Signing in to the admin through its pages, as a person would: the password form,
then the code from an authenticator app. Fixtures for these tests are in
tests/admin_security/conftest.py."""

from bs4 import BeautifulSoup
from django_otp.oath import totp

PASSWORD = "a-long-test-password"
LOGIN_URL = "/admin/login/"
VERIFY_URL = "/admin/two-step/"
SET_UP_URL = "/admin/two-step/set-up/"


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def sign_in(client, username="editor", password=PASSWORD, **extra):
    return client.post(LOGIN_URL, {"username": username, "password": password}, **extra)


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())
