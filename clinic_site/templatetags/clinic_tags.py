import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Site

from clinic_site.page_cache import cached_for_generation
from clinic_site.seo import public_url

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The home page and the pages editors ticked “Show in menus” directly under it."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return {"items": []}
    # Every page shows the menu, and it only changes when pages do: keep it with the
    # page cache's generation.
    menu = cached_for_generation(f"main-menu:{site.pk}", lambda: _menu_entries(site))
    current = context.get("page")
    items = []
    for index, (pk, path, title, url) in enumerate(menu):
        is_current = current is not None and current.pk == pk
        # The home page contains everything, so only deeper pages mark their section.
        in_section = current is not None and index > 0 and current.path.startswith(path)
        label = "Home" if index == 0 else title
        items.append(
            {"url": url, "label": label, "is_current": is_current, "in_section": in_section}
        )
    return {"items": items}


def _menu_entries(site):
    home = site.root_page
    pages = [home, *home.get_children().live().public().in_menu()]
    return [(page.pk, page.path, page.title, page.get_url()) for page in pages]


@register.inclusion_tag("includes/disclaimer.html", takes_context=True)
def disclaimer_box(context, disclaimer, position):
    """A disclaimer as patients see it, ending with a link to the Terms page the
    clinic settings name, so every article follows when the setting changes."""
    clinic_settings = context["settings"]["clinic_site"]["ClinicSettings"]
    terms_page = clinic_settings.terms_page if disclaimer and disclaimer.links_to_terms else None
    return {
        "disclaimer": disclaimer,
        "position": position,
        "terms_page": terms_page if terms_page and terms_page.live else None,
        "request": context["request"],
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """An absolute URL on the site's public address (canonical links, og:url)."""
    return public_url(context["request"], path)


@register.simple_tag(takes_context=True)
def image_full_url(context, image, spec):
    """Absolute URL of an image rendition, for link previews (Open Graph, Twitter cards)."""
    return public_url(context["request"], image.get_rendition(spec).url)


# Characters that could end a <script> element or open an HTML comment inside JSON.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """Structured data as a JSON-LD script that no content can break out of."""
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
