"""The page named as the Terms of Use in Clinic settings cannot be unpublished, deleted or
moved out of its site by accident: the admin refuses and says where to change the setting."""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Page, ReferenceIndex, Site

from clinic_site import roles
from clinic_site.models import HomePage, LegalPage
from tests.factories import HomePageFactory, LegalPageFactory
from tests.helpers.admin_forms import clinic_settings_form

REFUSAL = (
    "is the Terms of Use in Settings → Clinic settings. Choose another Terms page there first."
)


def messages_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(" ".join(item.get_text().split()) for item in soup.select(".messages li"))


def live(page):
    return LegalPage.objects.get(pk=page.pk).live


@pytest.fixture
def privacy(clinic):
    return LegalPageFactory(parent=clinic.home, title="Privacy notice", slug="privacy")


@pytest.fixture
def other_site(clinic):
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="other-home")
    Site.objects.create(hostname="other.example", root_page=home)
    return home


@pytest.fixture
def staff(sign_in):
    return sign_in(roles.SITE_STAFF)


def unpublish(client, page, **data):
    return client.post(f"/admin/pages/{page.pk}/unpublish/", data, follow=True)


def test_the_terms_cannot_be_unpublished_and_the_admin_says_why(clinic, staff):
    response = unpublish(staff, clinic.terms)
    assert response.status_code == 200
    assert REFUSAL in messages_of(response)
    assert "Clinic settings" in messages_of(response)
    assert live(clinic.terms)


def test_another_legal_page_can_be_unpublished(clinic, staff, privacy):
    response = unpublish(staff, privacy)
    assert REFUSAL not in messages_of(response)
    assert not live(privacy)


def test_after_choosing_another_terms_page_the_old_one_can_be_unpublished(clinic, staff, privacy):
    response = staff.post(
        f"/admin/settings/clinic_site/clinicsettings/{clinic.site.pk}/",
        clinic_settings_form(clinic.settings, terms_page=str(privacy.pk)),
    )
    assert response.status_code == 302
    unpublish(staff, clinic.terms)
    assert not live(clinic.terms)
    assert REFUSAL in messages_of(unpublish(staff, privacy))
    assert live(privacy)


def test_unpublishing_the_home_page_with_its_subpages_is_refused(clinic, admin_client):
    response = unpublish(admin_client, clinic.home, include_descendants="on")
    assert REFUSAL in messages_of(response)
    assert HomePage.objects.get(pk=clinic.home.pk).live
    assert live(clinic.terms)


def test_the_terms_cannot_be_deleted(clinic, admin_client):
    asked = admin_client.get(f"/admin/pages/{clinic.terms.pk}/delete/", follow=True)
    assert REFUSAL in messages_of(asked)
    admin_client.post(f"/admin/pages/{clinic.terms.pk}/delete/")
    assert LegalPage.objects.filter(pk=clinic.terms.pk).exists()


def test_another_legal_page_can_be_deleted(clinic, admin_client, privacy):
    admin_client.post(f"/admin/pages/{privacy.pk}/delete/")
    assert not LegalPage.objects.filter(pk=privacy.pk).exists()


def test_the_terms_cannot_be_moved_out_of_the_site(clinic, admin_client, other_site):
    url = f"/admin/pages/{clinic.terms.pk}/move/{other_site.pk}/confirm/"
    assert REFUSAL in messages_of(admin_client.get(url, follow=True))
    admin_client.post(url)
    assert LegalPage.objects.get(pk=clinic.terms.pk).get_parent().pk == clinic.home.pk


def test_the_terms_may_move_within_the_site_and_other_legal_pages_anywhere(
    clinic, admin_client, other_site, privacy
):
    # Within the site: its home page is the only place a legal page may go.
    assert admin_client.get(f"/admin/pages/{clinic.terms.pk}/move/{clinic.home.pk}/confirm/")
    response = admin_client.post(f"/admin/pages/{clinic.terms.pk}/move/{clinic.home.pk}/confirm/")
    assert response.status_code == 302
    admin_client.post(f"/admin/pages/{privacy.pk}/move/{other_site.pk}/confirm/")
    assert LegalPage.objects.get(pk=privacy.pk).get_parent().pk == other_site.pk


def bulk(client, action, pages, clinic, **data):
    ids = "&".join(f"id={page.pk}" for page in pages)
    url = f"/admin/bulk/wagtailcore/page/{action}/?{ids}&next=/admin/pages/{clinic.home.pk}/"
    return client.post(url, data, follow=True)


def test_bulk_unpublish_refuses_while_the_terms_are_among_the_pages(clinic, staff, privacy):
    response = bulk(staff, "unpublish", [clinic.terms, privacy], clinic)
    assert REFUSAL in messages_of(response)
    assert live(clinic.terms)
    assert live(privacy)  # nothing is unpublished: the editor chooses again
    bulk(staff, "unpublish", [privacy], clinic)
    assert not live(privacy)


def test_bulk_delete_and_move_refuse_the_terms(clinic, admin_client, other_site):
    assert REFUSAL in messages_of(bulk(admin_client, "delete", [clinic.terms], clinic))
    assert LegalPage.objects.filter(pk=clinic.terms.pk).exists()
    response = bulk(admin_client, "move", [clinic.terms], clinic, chooser=str(other_site.pk))
    assert REFUSAL in messages_of(response)
    assert LegalPage.objects.get(pk=clinic.terms.pk).get_parent().pk == clinic.home.pk


def test_the_terms_usage_counts_the_clinic_settings(clinic, staff, privacy):
    assert ReferenceIndex.get_references_to(clinic.terms).count() == 1
    usage = staff.get(f"/admin/pages/{clinic.terms.pk}/usage/")
    assert usage.status_code == 200
    assert "Clinic settings" in BeautifulSoup(usage.content, "html.parser").get_text()
    assert ReferenceIndex.get_references_to(privacy).count() == 0

    staff.post(
        f"/admin/settings/clinic_site/clinicsettings/{clinic.site.pk}/",
        clinic_settings_form(clinic.settings, terms_page=str(privacy.pk)),
    )
    assert ReferenceIndex.get_references_to(clinic.terms).count() == 0
    assert ReferenceIndex.get_references_to(privacy).count() == 1


def test_the_terms_editor_says_what_links_to_it(clinic, staff, privacy):
    def note(page):
        soup = BeautifulSoup(staff.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
        return " ".join(soup.get_text().split())

    # The clinic's medical disclaimer links to the terms; its closing note does not.
    assert "as do the disclaimers that link to the terms (1 published now)" in note(clinic.terms)
    assert "It cannot be unpublished, deleted or moved to another site" in note(clinic.terms)
    assert "This page is the Terms of Use" not in note(privacy)
