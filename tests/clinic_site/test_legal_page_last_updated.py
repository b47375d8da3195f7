"""A legal page's "Last updated" is the day a change to its text was published, unless the
editor says it was only a typo fix; staff reach the legal pages from the admin menu."""

import datetime

from bs4 import BeautifulSoup

from clinic_site import roles
from clinic_site.models import LegalPage
from tests.helpers.admin_forms import legal_page_form

PUBLISHED_FIRST = datetime.date(2026, 3, 2)
LATER = datetime.date(2026, 7, 14)


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def publish(client, page, **changes):
    response = client.post(edit_url(page), legal_page_form(page, **changes))
    assert response.status_code == 302, response.content
    return LegalPage.objects.get(pk=page.pk)


def last_updated_shown(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup.select_one(".legal .meta").get_text(" ", strip=True)


def test_publishing_a_changed_text_moves_last_updated_to_that_day(
    clinic, sign_in, client, frozen_today
):
    staff = sign_in(roles.SITE_STAFF)
    terms = publish(staff, clinic.terms, last_updated=str(PUBLISHED_FIRST))
    assert terms.last_updated == PUBLISHED_FIRST
    with frozen_today(LATER):
        terms = publish(staff, terms, body="<p>We changed what these terms say.</p>")
    assert terms.last_updated == LATER
    assert last_updated_shown(client, terms) == "Last updated: 14 July 2026"
    # The editor shows the date patients see.
    editor = BeautifulSoup(staff.get(edit_url(terms)).content, "html.parser")
    assert editor.select_one("input[name=last_updated]")["value"] == "2026-07-14"


def test_a_typo_fix_or_an_unchanged_text_keeps_the_date(clinic, sign_in, frozen_today):
    staff = sign_in(roles.SITE_STAFF)
    terms = publish(staff, clinic.terms, last_updated=str(PUBLISHED_FIRST))
    with frozen_today(LATER):
        terms = publish(staff, terms, body="<p>Fixed a typo.</p>", minor_change="on")
        assert terms.last_updated == PUBLISHED_FIRST
        terms = publish(staff, terms, title="Terms of Use")
        assert terms.last_updated == PUBLISHED_FIRST
        # The tick applies to one publish only.
        assert publish(staff, terms, body="<p>New terms.</p>").last_updated == LATER


def test_an_approved_change_is_dated_the_day_it_is_published(
    clinic, sign_in, admin_client, frozen_today
):
    staff = sign_in(roles.SITE_STAFF)
    terms = publish(staff, clinic.terms, last_updated=str(PUBLISHED_FIRST))
    with frozen_today(LATER - datetime.timedelta(days=3)):
        admin_client.post(
            edit_url(terms),
            legal_page_form(terms, action="action-submit", body="<p>Proposed terms.</p>"),
        )
    with frozen_today(LATER):
        revision = LegalPage.objects.get(pk=terms.pk).get_latest_revision()
        revision.publish(user=staff.user)
    assert LegalPage.objects.get(pk=terms.pk).last_updated == LATER


def test_legal_pages_menu_item_for_site_staff_not_physiotherapists(clinic, sign_in):
    def menu_links(client):
        soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
        script = soup.select_one("#wagtail-sidebar-props")
        return script.get_text() if script else ""

    listing = "/admin/pages/usage/clinic_site/legalpage/"
    staff = sign_in(roles.SITE_STAFF)
    assert "Legal pages" in menu_links(staff)
    assert listing in menu_links(staff)
    response = staff.get(listing)
    assert response.status_code == 200
    assert clinic.terms.title in BeautifulSoup(response.content, "html.parser").get_text()

    assert "Legal pages" not in menu_links(sign_in(roles.PHYSIOTHERAPISTS))
