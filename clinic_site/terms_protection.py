"""The Terms of Use cannot be taken away by accident.

The page that a site's Clinic settings name as its Terms (ClinicSettings.terms_page) is
linked from every footer and from disclaimers. While it is named there, the admin refuses
to unpublish it, delete it or move it out of that site, one page at a time or in bulk,
and says where to choose another Terms page first. Moving it within its site is fine.

A page whose removal would take the Terms with it counts too: deleting or moving an
ancestor of the Terms, or unpublishing one together with its subpages.
"""

from django.shortcuts import redirect
from django.urls import reverse

from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from .models import ClinicSettings

REFUSAL = (
    "“%(title)s” is the Terms of Use in Settings → Clinic settings. "
    "Choose another Terms page there first."
)


def named_terms():
    """(terms page, site root) for every site whose Clinic settings name a Terms page."""
    rows = ClinicSettings.objects.filter(terms_page__isnull=False).select_related(
        "terms_page", "site__root_page"
    )
    return [(row.terms_page, row.site) for row in rows]


def terms_within(pages, include_descendants=True):
    """The named Terms pages (with their site) among `pages`, or under them."""
    found = []
    for terms, site in named_terms():
        for page in pages:
            if terms.pk == page.pk or (
                include_descendants and terms.path.startswith(page.path) and terms.pk != page.pk
            ):
                found.append((terms, site))
                break
    return found


def leaves_its_site(terms, site, moved_page, destination):
    """Would moving `moved_page` under `destination` take `terms` out of `site`?"""
    root = site.root_page
    if root.path.startswith(moved_page.path):
        return False  # the site's root moves too, and the Terms with it
    return not destination.path.startswith(root.path)


def refuse(request, terms, site, next_url=None):
    messages.error(
        request,
        REFUSAL % {"title": terms.get_admin_display_title()},
        buttons=[
            messages.button(
                reverse("wagtailsettings:edit", args=["clinic_site", "clinicsettings", site.pk]),
                "Clinic settings",
            )
        ],
    )
    return redirect(
        next_url
        or get_valid_next_url_from_request(request)
        or reverse("wagtailadmin_pages:edit", args=[terms.pk])
    )


def check_unpublish(request, pages, include_descendants, next_url=None):
    for terms, site in terms_within(pages, include_descendants):
        return refuse(request, terms, site, next_url)
    return None


def check_delete(request, pages, next_url=None):
    for terms, site in terms_within(pages):
        return refuse(request, terms, site, next_url)
    return None


def check_move(request, pages, destination, next_url=None):
    for page in pages:
        for terms, site in terms_within([page]):
            if leaves_its_site(terms, site, page, destination):
                return refuse(request, terms, site, next_url)
    return None


def bulk_action_check(request, action_type, pages, action):
    """The same refusals for the page listing's bulk Unpublish, Delete and Move."""
    pages = [page for page in pages if isinstance(page, Page)]
    if not pages:
        return None
    form = action.cleaned_form
    next_url = action.next_url
    if action_type == "unpublish":
        include_descendants = bool(form and form.cleaned_data.get("include_descendants"))
        return check_unpublish(request, pages, include_descendants, next_url)
    if action_type == "delete":
        return check_delete(request, pages, next_url)
    if action_type == "move" and form is not None:
        return check_move(request, pages, form.cleaned_data["chooser"], next_url)
    return None
