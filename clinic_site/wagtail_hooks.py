from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy

from learning.publisher import PUBLISHER_NAME_HOOK

from . import terms_protection
from .models import ClinicSettings, LegalPage

# Wagtail indexes pages and snippets, not settings: registered, the Clinic settings count
# in a page's "Referenced N times" and its usage listing (Settings → Clinic settings,
# "Terms page"), which is how the Terms of Use is linked from every footer and from the
# disclaimers that link to the terms. Existing settings are indexed by migration 0009.
ReferenceIndex.register_model(ClinicSettings)


@hooks.register(PUBLISHER_NAME_HOOK)
def clinic_name(site):
    """The Learning Centre's feed and e-mails are signed with the clinic's name."""
    return ClinicSettings.for_site(site).clinic_name if site else ""


class LegalPagesMenuItem(MenuItem):
    """Shown to those who may edit a legal page: site staff and superusers."""

    def is_shown(self, request):
        return (
            PagePermissionPolicy()
            .instances_user_has_permission_for(request.user, "change")
            .type(LegalPage)
            .exists()
        )


@hooks.register("register_admin_menu_item")
def legal_pages_menu_item():
    return LegalPagesMenuItem(
        "Legal pages",
        reverse("wagtailadmin_pages:type_use", args=["clinic_site", "legalpage"]),
        name="legal-pages",
        icon_name="doc-full",
        order=250,
    )


@hooks.register("before_unpublish_page")
def keep_the_terms_published(request, page):
    include_descendants = bool(request.POST.get("include_descendants"))
    return terms_protection.check_unpublish(request, [page], include_descendants)


@hooks.register("before_delete_page")
def keep_the_terms(request, page):
    return terms_protection.check_delete(request, [page])


@hooks.register("before_move_page")
def keep_the_terms_in_their_site(request, page, destination):
    return terms_protection.check_move(request, [page], destination)


@hooks.register("before_bulk_action")
def keep_the_terms_in_bulk(request, action_type, objects, action):
    return terms_protection.bulk_action_check(request, action_type, objects, action)
