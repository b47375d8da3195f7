"""Driving the real Wagtail admin in Chromium: signing in as a demo login, the menu
beside the editor's main button, and the messages the admin shows after an action.
Shared by the browser tests of the article review journey."""

import importlib

from playwright.sync_api import expect

from django.apps import apps

from clinic_site.demo.management.commands.load_demo_content import DEFAULT_ADMIN_PASSWORD
from clinic_site.roles import clinical_review_workflow

TIMEOUT = 15_000  # ms: the machines running these tests are often busy

# Playwright's assertions wait 5 s unless told otherwise.
expect.set_options(timeout=TIMEOUT)


def with_review_workflows(base_url):
    """The demo site at `base_url`, with the clinic's review workflows on its pages.

    A migration creates the workflows; the flush after each live-server test empties
    the tables and only the groups come back (post_migrate), so a test that is not the
    first to use the live server would find no workflow. Recreate them the way that
    migration does; its sync attaches them to the pages the demo made."""
    if clinical_review_workflow() is None:
        migration = importlib.import_module(
            "clinic_site.migrations.0003_roles_and_review_workflows"
        )
        migration.create_roles_and_workflows(apps, schema_editor=None)
    return base_url


def sign_in(new_page, base_url, username):
    """A page in a new browser context, signed in to the admin as a demo login."""
    page = new_page("desktop")
    page.set_default_timeout(TIMEOUT)
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEFAULT_ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(base_url + "/admin/")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    return page


def choose_from_action_menu(page, name):
    """Open the menu beside the editor's main button and click an item in it; `name`
    is the item's exact label or a regular expression."""
    exact = isinstance(name, str) or None
    page.locator("footer .w-dropdown__toggle").first.click()
    item = page.locator("footer").first.get_by_role("button", name=name, exact=exact)
    expect(item).to_be_visible()
    item.click()


def expect_success(page, text):
    """The admin's success message says `text`, and no error message is shown; the
    message's locator."""
    message = page.locator(".messages .success", has_text=text)
    expect(message).to_be_visible()
    expect(page.locator(".messages .error")).to_have_count(0)
    return message
