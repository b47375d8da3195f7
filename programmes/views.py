"""What a patient sees at /p/<token>/: the programme, its PDF, or a kind "no longer
available" page.

The link is the only key to a programme, so its pages must not spread it: no search
engine may index them (X-Robots-Tag and a robots meta tag), no shared cache may keep
them (the page cache and any CDN skip `private, no-store`), and no linked site learns
the address from the Referer header.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from clinic_site.handouts import handout_response
from clinic_site.seo import public_url
from learning.models import LearningCentreSettings

from .models import Programme, is_token_shaped

PRIVATE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
}


def kept_private(response):
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def find_programme(token):
    """The programme with this token; any other token is the site's ordinary 404."""
    if not is_token_shaped(token):
        raise Http404
    try:
        return Programme.objects.get(token=token)
    except Programme.DoesNotExist:
        raise Http404 from None


def no_longer_available(request, programme):
    response = render(request, "programmes/gone.html", {"programme": programme}, status=410)
    return kept_private(response)


def programme_context(programme):
    return {
        "programme": programme,
        "exercises": programme.live_exercises(),
        "articles": programme.live_articles(),
    }


@require_safe
def programme_page(request, token):
    programme = find_programme(token)
    if not programme.is_available():
        return no_longer_available(request, programme)
    return kept_private(
        render(request, "programmes/programme_page.html", programme_context(programme))
    )


@require_safe
def programme_handout(request, token):
    programme = find_programme(token)
    if not programme.is_available():
        return no_longer_available(request, programme)
    context = programme_context(programme)
    # The Learning Centre's medical-advice disclaimer, as on an exercise's own handout.
    disclaimer = LearningCentreSettings.for_request(request).default_top_disclaimer
    context["top_disclaimer"] = disclaimer if disclaimer is not None and disclaimer.live else None
    response = handout_response(
        request,
        template_name="programmes/handout.html",
        context=context,
        filename="exercise-programme.pdf",
        live_url=public_url(request, programme.get_absolute_url()),
        cache_name=programme.content_version(context["exercises"], context["articles"]),
    )
    return kept_private(response)
