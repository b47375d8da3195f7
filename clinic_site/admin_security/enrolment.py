"""When a user may link an authenticator app by themselves (trust on first use).

Whoever first enters a code at set-up owns the account's second factor, so set-up is
open only for ADMIN_2FA_SETUP_DAYS after the account was created or after an
administrator reopened it with ``manage.py reset_two_factor``. Outside that window a
stolen password cannot be turned into a permanent take-over.
"""

import datetime

from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

# The reset command leaves an unconfirmed device with this name; its created_at
# (django-otp's TimestampMixin) is when set-up was reopened. Set-up's own unconfirmed
# devices have another name, so starting set-up never extends the window.
REOPENED_BY_ADMINISTRATOR = "Set-up reopened by an administrator"
APP_NAME = "Authenticator app"


def set_up_opened_at(user):
    reopened = TOTPDevice.objects.filter(
        user=user, confirmed=False, name=REOPENED_BY_ADMINISTRATOR
    ).aggregate(latest=Max("created_at"))["latest"]
    return max(user.date_joined, reopened) if reopened else user.date_joined


def set_up_closes_at(user):
    return set_up_opened_at(user) + datetime.timedelta(days=settings.ADMIN_2FA_SETUP_DAYS)


def may_set_up(user):
    return timezone.now() < set_up_closes_at(user)


def reopen_set_up(user):
    """Remove every app of the user's and start a new set-up window from now."""
    removed_apps = TOTPDevice.objects.filter(user=user, confirmed=True).count()
    TOTPDevice.objects.filter(user=user).delete()
    TOTPDevice.objects.create(user=user, name=REOPENED_BY_ADMINISTRATOR, confirmed=False)
    return removed_apps
