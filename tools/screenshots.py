"""`make screenshots`: the README's two screenshots, taken with headless Debian Chromium.

Builds a throwaway copy of the demo clinic (its own SQLite database and MEDIA_ROOT in
a temporary folder, never the developer's db.sqlite3 or media/), serves it with
runserver on a free loopback port and writes small PNGs to docs/screenshots/:

- article-phone.png: the "Therapeutic exercise" article on a 375 px wide phone;
- article-editor.png: the same article in the Wagtail page editor at 1280x800,
  signed in as the demo admin through the real login form.
"""

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from local_server import free_port, wait_for
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.helpers.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

OUTPUT_DIR = ROOT / "docs" / "screenshots"
ARTICLE_SLUG = "therapeutic-exercise"
ARTICLE_PATH = f"/learning-centre/{ARTICLE_SLUG}/"
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD") or "learning-centre-demo"
# Phone: the first screen of an iPhone-sized viewport, at 2x so the text stays sharp.
PHONE = {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2}
EDITOR = {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1}
# Palette size per shot: enough for anti-aliased text, few enough for a small file.
COLOURS = {"article-phone.png": 64, "article-editor.png": 64}


def site_environment(folder, port):
    """Dev settings on a database and MEDIA_ROOT of their own, no 2FA, no shared cache."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'screens.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "ADMIN_REQUIRE_2FA": "false",
        "DEMO_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "REDIS_URL": "",
        "FRONTEND_CACHE_PURGE_URL": "",
        "PYTHONUNBUFFERED": "1",
    }
    return env


def manage(env, *args):
    """manage.py quietly; its output only when it fails."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"manage.py {' '.join(args)} failed (exit {result.returncode})")
    return result.stdout


def article_id(env):
    code = (
        "from wagtail.models import Page; "
        f"print(Page.objects.get(url_path__endswith={ARTICLE_PATH!r}).pk)"
    )
    try:
        return int(manage(env, "shell", "-c", code).strip().splitlines()[-1])
    except (ValueError, IndexError):
        sys.exit(f"Could not find the {ARTICLE_SLUG!r} article's id")


def save_small_png(png_bytes, path, colours):
    """The screenshot with a reduced palette, optimised: text stays crisp, size drops."""
    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    small = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.NONE)
    small.save(path, optimize=True)


def settle(page):
    """Wait for the network to go quiet, the web fonts and any animations to finish."""
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.evaluate(
        "Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))"
        ".then(() => true)"
    )


def phone_shot(browser, base):
    context = browser.new_context(**PHONE, is_mobile=True, has_touch=True, reduced_motion="reduce")
    try:
        page = context.new_page()
        response = page.goto(base + ARTICLE_PATH, wait_until="load")
        if response is None or response.status != 200:
            sys.exit(f"{ARTICLE_PATH} answered {response.status if response else 'nothing'}")
        page.locator("h1").first.wait_for(state="visible")
        settle(page)
        return page.screenshot(full_page=False, animations="disabled", caret="hide")
    finally:
        context.close()


def editor_shot(browser, base, page_id):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(**EDITOR, reduced_motion="reduce")
    try:
        page = context.new_page()
        edit_path = f"/admin/pages/{page_id}/edit/"
        page.goto(f"{base}/admin/login/?next={edit_path}", wait_until="load")
        page.fill("input[name=username]", ADMIN_USERNAME)
        page.fill("input[name=password]", ADMIN_PASSWORD)
        page.locator("form button[type=submit], form input[type=submit]").first.click()
        try:
            page.wait_for_url(f"**{edit_path}", timeout=30_000)
        except PlaywrightTimeout:
            sys.exit(f"Signing in as {ADMIN_USERNAME!r} did not reach the editor: {page.url}")
        # The editor builds its panels and StreamField blocks with JavaScript.
        page.locator("#id_title").wait_for(state="visible")
        page.locator("[data-streamfield-stream-container], .w-panel").first.wait_for(
            state="visible"
        )
        settle(page)
        page.mouse.move(0, 0)
        return page.screenshot(full_page=False, animations="disabled", caret="hide")
    finally:
        context.close()


def main():
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sys.exit("Playwright is missing: make install-dev")

    folder = Path(tempfile.mkdtemp(prefix="clinic-screenshots-"))
    server = log = None
    try:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = site_environment(folder, port)
        print("Building a throwaway demo clinic...", flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_content")
        page_id = article_id(env)

        log = (folder / "server.log").open("w")
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(base + "/")
        except SystemExit:
            sys.stderr.write((folder / "server.log").read_text())
            raise

        print(f"Taking the screenshots on {base} with {CHROMIUM}...", flush=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                shots = {
                    "article-phone.png": phone_shot(browser, base),
                    "article-editor.png": editor_shot(browser, base, page_id),
                }
            finally:
                browser.close()

        OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
        for name, png in shots.items():
            path = OUTPUT_DIR / name
            save_small_png(png, path, COLOURS[name])
            with Image.open(path) as image:
                width, height = image.size
            size_kb = path.stat().st_size / 1024
            print(f"  {path.relative_to(ROOT)}  {width}x{height}  {size_kb:.0f} KB")
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if log is not None:
            log.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
