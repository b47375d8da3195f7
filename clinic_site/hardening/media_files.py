"""Uploaded files served by Django itself (make serve, benchmarks, tests)."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve


def serve_public_media(request, path):
    """Images from MEDIA_ROOT; never documents, which go through Wagtail's serve view so
    a private collection's password or login is checked (a direct URL would skip it)."""
    normalised = posixpath.normpath(path).lstrip("/").lower()
    if normalised == "documents" or normalised.startswith("documents/"):
        raise Http404("Documents are served from /documents/.")
    return serve(request, path, document_root=settings.MEDIA_ROOT)
