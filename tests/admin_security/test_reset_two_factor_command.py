"""manage.py reset_two_factor: removing a lost phone's app, and opening set-up for every
active admin user who has none yet."""

import datetime
from io import StringIO

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client

from clinic_site.roles import PHYSIOTHERAPISTS
from tests.helpers.sign_in import PASSWORD, SET_UP_URL, VERIFY_URL, sign_in


def test_an_administrator_can_reset_a_lost_phone(two_factor, clock, client, editor_with_app):
    out = StringIO()
    call_command("reset_two_factor", "editor", stdout=out)
    assert "Removed 1 authenticator app(s) for “editor”" in out.getvalue()
    sign_in(client)
    assert client.get("/admin/").url.startswith(SET_UP_URL)


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
