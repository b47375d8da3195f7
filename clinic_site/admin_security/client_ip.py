import ipaddress

from django.conf import settings

# A home or office connection gets a whole /64 of IPv6 addresses and may use a new one
# for every request, so the /64 is what one client is.
IPV6_CLIENT_PREFIX = 64


def client_ip(request):
    """The client django-axes counts failed sign-ins against (AXES_CLIENT_IP_CALLABLE).

    Each of the TRUSTED_PROXY_COUNT proxies in front appends the address it received the
    request from to X-Forwarded-For, so the client is that many entries from the right.
    Entries further left were written by the client and could be anything; they are
    never used, so rotating them does not dodge the lock-out.

    An IPv4 address is its own client. Every IPv6 address in one /64 is the same client,
    recorded as the first address of the /64, so moving around its own network does not
    dodge the lock-out either; an IPv4-mapped IPv6 address (::ffff:192.0.2.1) is the
    IPv4 client it maps.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    return client_of(forwarded_for(request)) or client_of(remote_addr) or remote_addr


def forwarded_for(request):
    """The address the outermost trusted proxy received the request from, if any."""
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return None
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    return hops[-count] if len(hops) >= count else None


def client_of(text):
    """The one address that stands for every address of a client, or None if `text` is
    not an address."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped:
        return str(address.ipv4_mapped)
    host_bits = 128 - IPV6_CLIENT_PREFIX
    return str(ipaddress.IPv6Address(int(address) >> host_bits << host_bits))
