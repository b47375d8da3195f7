from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from clinic_site.admin_security.enrolment import reopen_set_up


class Command(BaseCommand):
    help = (
        "Removes a user's authenticator app (lost or replaced phone) and lets them set up "
        "a new one at sign-in within ADMIN_2FA_SETUP_DAYS. With --without-app instead of a "
        "username, opens set-up for every active admin user who has no app yet: run it on "
        "the day two-step sign-in is switched on for an existing site."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?")
        parser.add_argument(
            "--without-app",
            action="store_true",
            help="Open set-up for every active admin user without a confirmed app; "
            "apps already set up are left alone.",
        )

    def handle(self, *args, username, without_app, **options):
        if bool(username) == without_app:
            raise CommandError("Give either a username or --without-app.")
        if without_app:
            self.reopen_for_everyone_without_an_app()
            return
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user with the username “{username}”.") from None
        removed = reopen_set_up(user)
        self.stdout.write(
            f"Removed {removed} authenticator app(s) for “{username}”; they can set up a "
            "new one at their next sign-in."
        )

    def reopen_for_everyone_without_an_app(self):
        enrolled = TOTPDevice.objects.filter(confirmed=True).values("user")
        candidates = get_user_model().objects.filter(is_active=True).exclude(pk__in=enrolled)
        # The same test Wagtail uses to let a user into the admin.
        users = [user for user in candidates if user.has_perm("wagtailadmin.access_admin")]
        for user in users:
            reopen_set_up(user)
        names = ", ".join(user.get_username() for user in users) or "nobody"
        self.stdout.write(f"Opened set-up for {len(users)} user(s) without an app: {names}.")
