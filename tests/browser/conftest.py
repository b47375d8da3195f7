"""Real-browser tests: Debian's Chromium driven by Playwright against a live server.

Playwright cannot download a browser here, so it launches /usr/bin/chromium
(`apt-get install chromium`; `.ci/run` installs it). In CI a missing browser fails
the run; on a developer's machine without Chromium these tests are skipped with
a message saying how to get it.
"""

import io
import os
import shutil

import pytest

from django.core.management import call_command

from tests.helpers.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.helpers.wagtail_data import restore_wagtail_initial_data

VIEWPORTS = {"mobile": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 900}}

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls
# (fixtures building data) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The demo clinic, committed so the live server's thread sees it; its address."""
    restore_wagtail_initial_data()
    call_command("load_demo_content", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def new_page(browser):
    contexts = []

    def open_page(viewport="desktop", **context_options):
        context = browser.new_context(viewport=VIEWPORTS[viewport], **context_options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
