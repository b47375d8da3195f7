"""Two limits on failed admin sign-ins where django-axes has one.

django-axes pauses a username at one address after AXES_FAILURE_LIMIT failures. That
alone does not stop password spraying: one address trying a password or two against
many usernames never fails five times for any of them. django-axes cannot set a second,
higher limit (it compares its one AXES_FAILURE_LIMIT with the largest count among its
AXES_LOCKOUT_PARAMETERS), so this handler adds a cap on failures from one address for
all usernames together (ADMIN_ADDRESS_FAILURE_LIMIT), counted from the records
django-axes keeps anyway. "Address" is whatever client_ip says: an IPv6 /64 is one.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.signals import user_locked_out

from django.conf import settings
from django.db.models import Sum


def address_failures(request, credentials=None):
    """Failed sign-ins from the request's address within the cool-off time, for every
    username together.

    Each username adds at most AXES_FAILURE_LIMIT: later tries at a paused username are
    refused before any password is compared, so they guess nothing, and one colleague who
    keeps trying during their own pause cannot pause everyone in the clinic.
    """
    if not request.axes_ip_address:
        return 0
    per_username = (
        AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        )
        .order_by()
        .values("username")
        .annotate(failures=Sum("failures_since_start"))
    )
    limit = get_failure_limit(request, credentials)
    return sum(min(row["failures"], limit) for row in per_username)


def address_is_capped(request, credentials=None):
    """Has the request's address used up its failed sign-ins for now, whoever it tried?"""
    return settings.AXES_LOCK_OUT_AT_FAILURE and (
        address_failures(request, credentials) >= settings.ADMIN_ADDRESS_FAILURE_LIMIT
    )


def note_tries_left(request, credentials):
    """After a wrong password: how many more this username may get wrong from this address
    before sign-in pauses, for the sign-in page's warning (templates/wagtailadmin/login.html
    reads request.sign_in_tries_left and request.sign_in_pause_minutes). django-axes has
    just counted this failure in request.axes_failures_since_start."""
    failures = getattr(request, "axes_failures_since_start", None)
    if failures is None:
        return
    request.sign_in_tries_left = max(get_failure_limit(request, credentials) - failures, 0)
    request.sign_in_pause_minutes = int(get_cool_off(request).total_seconds() // 60)


class AddressCapHandler(AxesDatabaseHandler):
    """django-axes' database handler (AXES_HANDLER), which pauses a username at an
    address, plus a pause for the whole address once it reaches the address-wide cap."""

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or address_is_capped(request, credentials)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or request.axes_locked_out:
            return
        note_tries_left(request, credentials)
        if self.is_whitelisted(request, credentials) or not address_is_capped(request, credentials):
            return
        # As django-axes does for its own limit: the failure that reaches the cap gets
        # the lock-out page (AXES_LOCKOUT_CALLABLE), and the signal is sent.
        request.axes_locked_out = True
        request.axes_credentials = credentials
        user_locked_out.send(
            "axes",
            request=request,
            username=get_client_username(request, credentials),
            ip_address=request.axes_ip_address,
        )
