from csp.constants import SELF
from csp.utils import build_policy
from django_otp import user_has_device

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

# Admin URLs that a signed-in user may reach before giving a code: signing in and out,
# the code pages themselves, and the files those pages load.
OPEN_BEFORE_SECOND_FACTOR = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "admin_security_verify",
    "admin_security_set_up",
}


def admin_prefix():
    return reverse("wagtailadmin_home")


def needs_second_factor(user):
    """With ADMIN_REQUIRE_2FA on, is this a password-only session (no code given yet)?"""
    return settings.ADMIN_REQUIRE_2FA and user.is_authenticated and not user.is_verified()


def second_factor_redirect(request):
    """To the code page, or to set up an app if the user has none, then back here."""
    page = "admin_security_verify" if user_has_device(request.user) else "admin_security_set_up"
    return redirect_to_login(request.get_full_path(), login_url=reverse(page))


class AdminTwoFactorMiddleware:
    """With ADMIN_REQUIRE_2FA on, a password alone opens no admin page: a signed-in user
    who has not given a code this session is sent to enter one, or to set up an
    authenticator app if they have none yet. Needs django-otp's OTPMiddleware first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(admin_prefix()):
            return None
        if not needs_second_factor(request.user):
            return None
        if request.resolver_match.url_name in OPEN_BEFORE_SECOND_FACTOR:
            return None
        return second_factor_redirect(request)


class AdminContentSecurityPolicyMiddleware:
    """Gives admin responses ADMIN_CONTENT_SECURITY_POLICY. django-csp's strict policy
    excludes the admin, whose inline scripts it would block. Goes just inside
    django-csp's middleware, which finishes each response after this one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):
            # A preview: Wagtail runs the page through the middleware under the page's
            # own path, so it gets the patients' policy; that is what to preview, except
            # that the editor's preview panel must be allowed to frame it.
            response._csp_replace = {"frame-ancestors": [SELF]}
        elif request.path_info.startswith(admin_prefix()) and (
            "Content-Security-Policy" not in response
        ):
            response["Content-Security-Policy"] = build_policy(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY
            )
        return response
