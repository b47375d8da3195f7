import ipaddress

from django.conf import settings


def client_ip(request):
    """The address django-axes counts failed sign-ins against.

    Each of the TRUSTED_PROXY_COUNT proxies in front appends the address it received the
    request from to X-Forwarded-For, so the client is that many entries from the right.
    Entries further left were written by the client and could be anything; they are
    never used, so rotating them does not dodge the lock-out.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote_addr
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        return remote_addr
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote_addr
