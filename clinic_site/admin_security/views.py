import base64
import io

import django_otp
import qrcode
import qrcode.image.svg
from axes.helpers import get_cool_off
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from .enrolment import APP_NAME, may_set_up, set_up_closes_at
from .forms import TokenForm
from .lockout import address_is_capped


def next_url(request):
    """Where to go after the code: the admin page the user asked for, if it is ours."""
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def with_next(name, request):
    return f"{reverse(name)}?{request.GET.urlencode()}" if request.GET else reverse(name)


def confirm_second_factor(request, device):
    # A new session key once both factors are in, as Django does after the password.
    request.session.cycle_key()
    django_otp.login(request, device)


@sensitive_post_parameters("otp_token")
@never_cache
def verify(request):
    """The second step of signing in: a code from the app set up earlier."""
    if request.user.is_verified():
        return redirect(next_url(request))
    device = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).first()
    if device is None:
        return redirect(with_next("admin_security_set_up", request))
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirm_second_factor(request, device)
        return redirect(next_url(request))
    return render(request, "admin_security/verify.html", {"form": form, "next": next_url(request)})


def qr_code_data_uri(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    svg = io.BytesIO()
    image.save(svg)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode()


# The session remembers which secret it showed (a keyed hash, not the secret itself).
SHOWN_FINGERPRINT = "admin_security_set_up_fingerprint"


def secret_fingerprint(device):
    return salted_hmac("admin_security.set_up", device.key).hexdigest()


def device_for_this_session(request):
    """The user's unconfirmed device, with a secret only this session has seen.

    A set-up left unfinished elsewhere (perhaps by someone holding the password) gets a
    new secret here, so nobody can confirm an app scanned in another session; this
    session keeps its own secret across a wrong code, so the user need not rescan.
    """
    user = request.user
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)
    elif request.session.get(SHOWN_FINGERPRINT) != secret_fingerprint(device):
        device.key = default_key()
        device.save(update_fields=["key"])
    request.session[SHOWN_FINGERPRINT] = secret_fingerprint(device)
    return device


@sensitive_post_parameters("otp_token")
@never_cache
def set_up(request):
    """First sign-in: link an authenticator app by scanning or typing its secret."""
    user = request.user
    # Someone with only the password must never be able to add an app of their own.
    if TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
        return redirect(with_next("admin_security_verify", request))
    if not may_set_up(user):
        # Too long since the account was made or reset: the first to scan would own it.
        return render(
            request,
            "admin_security/set_up_closed.html",
            {
                "closed_at": timezone.localtime(set_up_closes_at(user)),
                "days": settings.ADMIN_2FA_SETUP_DAYS,
            },
            status=403,
        )
    device = device_for_this_session(request)
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.name = APP_NAME
        device.save(update_fields=["confirmed", "name"])
        # Any other unconfirmed device (an old reset marker) would only reopen set-up.
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        del request.session[SHOWN_FINGERPRINT]
        confirm_second_factor(request, device)
        messages.success(
            request,
            "Two-step sign-in is on. Next time, you'll enter a code from your app "
            "after your password.",
        )
        return redirect(next_url(request))
    return render(
        request,
        "admin_security/set_up.html",
        {
            "form": form,
            "next": next_url(request),
            "secret": base64.b32encode(device.bin_key).decode(),
            "otpauth_uri": device.config_url,
            "qr_code": qr_code_data_uri(device.config_url),
            "required": settings.ADMIN_REQUIRE_2FA,
        },
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE): HTTP 429
    and a page that says when to try again. Each attempt during the pause restarts it.

    One page for a username paused at this address, another when the whole address
    reached its cap (clinic_site.admin_security.lockout), since then no colleague on
    the same network can sign in either."""
    cool_off = get_cool_off(request)
    page = "address_locked_out" if address_is_capped(request, credentials) else "locked_out"
    return render(
        request,
        f"admin_security/{page}.html",
        {
            "try_again_at": timezone.localtime() + cool_off,
            "minutes": int(cool_off.total_seconds() // 60),
        },
        status=429,
    )
