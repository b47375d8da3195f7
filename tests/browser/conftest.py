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

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
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


def pytest_collection_modifyitems(items):
    # Each browser test flushes the database (the live server needs committed data);
    # serialized rollback restores what migrations created (root page, groups, workflows).
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture
def demo_site(live_server):
    """The demo clinic, served by a live server the browser can reach."""
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
