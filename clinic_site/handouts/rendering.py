"""From a template to a PDF response, made once per cache name and content generation."""

import hashlib

from PIL import ImageFile
from weasyprint import HTML

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

from clinic_site.page_cache import cached_for_generation

from .fetcher import SiteFilesFetcher
from .qr import qr_data_uri

# Importing WeasyPrint switches on Pillow's process-wide "load truncated images". The
# admin refuses damaged uploads by letting Pillow fail on them (hardening.image_uploads),
# and a handout prints a picture it cannot read as its description anyway: switch it off.
ImageFile.LOAD_TRUNCATED_IMAGES = False


def render_pdf(html, base_url):
    """The PDF of `html`, a tagged PDF so screen readers can follow it."""
    document = HTML(string=html, base_url=base_url, url_fetcher=SiteFilesFetcher(base_url))
    return document.write_pdf(pdf_tags=True)


def build_pdf(request, template_name, context, live_url):
    if callable(context):
        context = context()
    html = render_to_string(
        template_name,
        {**context, "live_url": live_url, "qr_code": qr_data_uri(live_url)},
        request=request,
    )
    # Relative links and image addresses resolve against the live page's address.
    return render_pdf(html, base_url=live_url)


def kept_pdf(cache_name, live_url, build):
    """The PDF kept under this name for the current page-cache generation, built on the
    first request. Any change patients could see starts a new generation, so a kept
    handout is never older than its page, its settings or the pages it shows. The live
    URL is part of the name: the QR code on each host's copy names that host."""
    digest = hashlib.sha256(f"{cache_name}\0{live_url}".encode()).hexdigest()
    return cached_for_generation(f"handout:{digest}", build, in_process=False)


def handout_response(request, *, template_name, context, filename, live_url, cache_name=None):
    """The handout as an inline PDF response.

    `context` is the template's, or a function returning it (called only when the PDF
    has to be made); the template also gets `live_url` and `qr_code` (a data URI of
    its QR code). `live_url` is the page's absolute public address. `cache_name`, when
    given, names this exact content (e.g. the page and its live revision) so the PDF is
    made once and kept."""

    def build():
        return build_pdf(request, template_name, context, live_url)

    pdf = build() if cache_name is None else kept_pdf(cache_name, live_url, build)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    # As the pages: anyone may keep a copy, but must check it is still current.
    patch_cache_control(response, public=True, max_age=0)
    return response
