"""From a template to a PDF response. (A first version: see the package docstring.)"""

from weasyprint import HTML

from django.http import HttpResponse
from django.template.loader import render_to_string


def handout_response(request, *, template_name, context, filename, live_url, cache_name=None):
    """The handout as an inline PDF response.

    `context` is the template's; `live_url` is the absolute address the QR code points
    at; `cache_name`, when given, names this exact content (e.g. the page and its live
    revision) so the PDF is made once and kept."""
    html = render_to_string(template_name, {**context, "live_url": live_url}, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
