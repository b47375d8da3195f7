import datetime

import pytest
import time_machine
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers.sign_in import PASSWORD


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
