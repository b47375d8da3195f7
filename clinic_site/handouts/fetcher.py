"""What WeasyPrint may read while it lays out a handout: uploaded images from Django's
default storage, the project's static files, and data: URIs (the QR code). Nothing
else — no network, no file:// — so a handout never waits on, or leaks to, another host,
and never embeds a file the site would not serve."""

import logging
import mimetypes
import posixpath
from urllib.parse import unquote, urljoin, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage

logger = logging.getLogger("clinic_site.handouts")

# Uploaded documents may be private: Wagtail serves them only after its checks.
PRIVATE_MEDIA = ("documents",)


class RefusedURL(ValueError):
    """A URL a handout may not load; WeasyPrint shows an image's alt text instead."""


def local_name(url, prefix, base_url):
    """The file name under `prefix` (MEDIA_URL or STATIC_URL, relative or absolute) that
    `url` points at, or None. `..` and empty segments are refused outright."""
    absolute_prefix = urljoin(base_url, prefix)
    if not url.startswith(absolute_prefix):
        return None
    name = unquote(urlsplit(url[len(absolute_prefix) :]).path)
    parts = name.split("/")
    if not name or any(part in ("", ".", "..") for part in parts) or "\\" in name:
        raise RefusedURL(f"Unsafe file name in {url!r}")
    return posixpath.normpath(name)


def read_media(name):
    if name.split("/", 1)[0].lower() in PRIVATE_MEDIA:
        raise RefusedURL(f"Not a public file: {name!r}")
    with default_storage.open(name, "rb") as file:
        return file.read()


def read_static(name):
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name, "rb") as file:
            return file.read()
    found = finders.find(name)
    if not found:
        raise RefusedURL(f"No static file {name!r}")
    with open(found, "rb") as file:
        return file.read()


class SiteFilesFetcher(URLFetcher):
    """A URL fetcher that answers from the site's own storage, never the network.

    `base_url` is the document's base: relative URLs such as a rendition's
    ``/media/images/…`` arrive joined to it."""

    def __init__(self, base_url):
        super().__init__(allowed_protocols={"data", "http", "https"})
        self.base_url = base_url

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        for prefix, read in ((settings.MEDIA_URL, read_media), (settings.STATIC_URL, read_static)):
            name = local_name(url, prefix, self.base_url)
            if name is not None:
                body = read(name)
                content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, body, {"Content-Type": content_type})
        raise RefusedURL(f"Handouts load only the site's own files, not {url!r}")
