from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Removes a user's authenticator app (lost or replaced phone), so they set up a "
        "new one at their next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user with the username “{username}”.") from None
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(
            f"Removed {removed} authenticator app(s) for “{username}”; they will set up a "
            "new one at their next sign-in."
        )
