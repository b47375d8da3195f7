"""The site's public address, for the URLs search engines and link previews keep:
canonical links, og:url, JSON-LD, the sitemap and robots.txt.

It is PUBLIC_BASE_URL when that is set (one address however a visitor reached the
site, so search engines index one copy), else the scheme and host of the request
itself, which Django has already checked against ALLOWED_HOSTS. Never the hostname
stored on the Wagtail Site record: a clinic that never edited it would publish
localhost. Pages holding these URLs are cached per scheme and host, so each host's
copy names its own address.
"""

from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.encoding import iri_to_uri
from django.utils.http import escape_leading_slashes


def public_origin(request):
    """scheme://host[:port] of the public address, without a trailing slash."""
    configured = getattr(settings, "PUBLIC_BASE_URL", "").strip()
    if not configured:
        return f"{request.scheme}://{request.get_host()}"
    parts = urlsplit(configured)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.path.strip("/")
        or parts.query
        or parts.fragment
    ):
        raise ImproperlyConfigured(
            "PUBLIC_BASE_URL must be a scheme and host such as "
            f"https://www.example.com, not {configured!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


def public_url(request, location):
    """request.build_absolute_uri(location) on the public address: a path (relative
    ones to the request's path) becomes an absolute URL; another site's absolute URL
    (a CDN's image, say) is returned as it is."""
    location = escape_leading_slashes(location)  # "//host/..." is a path here, as in Django
    return iri_to_uri(urljoin(public_origin(request) + request.path, location))


def moved_to_public_address(request, url):
    """An absolute URL of this site, such as Wagtail builds from the Site record's
    hostname and port, with its scheme and host replaced by the public address."""
    parts = urlsplit(url)
    return public_url(request, urlunsplit(("", "", parts.path or "/", parts.query, parts.fragment)))
