from django.urls import path

from wagtail import hooks
from wagtail.models import BaseViewRestriction

from . import views
from .middleware import needs_second_factor, second_factor_redirect

# Restrictions that trust who is signed in. A shared password does not depend on the
# user, so a password-only session gains nothing there.
RESTRICTIONS_ON_THE_USER = [BaseViewRestriction.LOGIN, BaseViewRestriction.GROUPS]


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-step/", views.verify, name="admin_security_verify"),
        path("two-step/set-up/", views.set_up, name="admin_security_set_up"),
    ]


# Wagtail's "login" and "groups" restrictions accept any signed-in user (in the group), so without
# these a password alone would open private documents and pages outside /admin/.
# Checked only for password-only sessions: patients (anonymous) and verified staff
# cost no extra query.


@hooks.register("before_serve_document")
def private_documents_need_the_second_factor(document, request):
    if needs_second_factor(request.user) and (
        document.collection.get_view_restrictions()
        .filter(restriction_type__in=RESTRICTIONS_ON_THE_USER)
        .exists()
    ):
        return second_factor_redirect(request)
    return None


@hooks.register("before_serve_page")
def private_pages_need_the_second_factor(page, request, serve_args, serve_kwargs):
    if needs_second_factor(request.user) and (
        page.get_view_restrictions().filter(restriction_type__in=RESTRICTIONS_ON_THE_USER).exists()
    ):
        return second_factor_redirect(request)
    return None
