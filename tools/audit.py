"""`make audit`: Lighthouse 12.2.3 (headless Debian Chromium) on each main page type.

Starts the site on a free loopback port, runs Lighthouse's mobile audit on each
page and prints the performance / accessibility / best-practices / SEO scores.
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from local_server import free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = ROOT / "tools" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
PAGES = [
    ("Home", "/"),
    ("Learning Centre", "/learning-centre/"),
    ("Topic", "/learning-centre/topic/pain/"),
    ("Article", "/learning-centre/therapeutic-exercise/"),
    ("Exercise library", "/learning-centre/exercises/"),
    ("Exercise", "/learning-centre/exercises/seated-knee-straightening/"),
    ("Search", "/search/?q=exercise"),
    ("Terms", "/terms-of-use/"),
]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def ensure_lighthouse():
    if not LIGHTHOUSE.exists():
        subprocess.run(  # noqa: S603
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],  # noqa: S607
            cwd=LIGHTHOUSE_DIR,
            check=True,
        )
    if not Path(CHROME_PATH).exists():
        sys.exit(f"Chromium not found at {CHROME_PATH}: apt-get install chromium")


def audit(url, report_path, attempts=3):
    for attempt in range(1, attempts + 1):
        # Headless Chromium now and then fails to start or to trace; try again.
        result = subprocess.run(  # noqa: S603
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report_path}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env={**os.environ, "CHROME_PATH": CHROME_PATH},
            timeout=300,
            check=False,
        )
        if result.returncode == 0:
            break
        print(f"Lighthouse failed on {url} (attempt {attempt}/{attempts})", file=sys.stderr)
    else:
        sys.exit(f"Lighthouse could not audit {url}")
    report = json.loads(Path(report_path).read_text())
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main():
    ensure_lighthouse()
    python = sys.executable
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_command = os.environ.get("AUDIT_SERVER_COMMAND", "").split() or [
        python,
        "manage.py",
        "runserver",
        "--noreload",
        f"127.0.0.1:{port}",
    ]
    server_command = [part.replace("{port}", str(port)) for part in server_command]
    server = subprocess.Popen(  # noqa: S603
        server_command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(base + "/")
        # Warm up: the first view of each page makes its image renditions.
        for _, path in PAGES:
            urllib.request.urlopen(base + path, timeout=60).read()  # noqa: S310
        rows = []
        with tempfile.TemporaryDirectory() as reports:
            for name, path in PAGES:
                scores = audit(base + path, Path(reports) / "report.json")
                rows.append((name, path, scores))
    finally:
        server.terminate()
        server.wait(timeout=20)

    print(f"\nLighthouse 12.2.3, mobile, {base}")
    print(f"{'Page':<17}{'Perf':>6}{'A11y':>6}{'BP':>6}{'SEO':>6}  Path")
    for name, path, scores in rows:
        values = "".join(f"{scores[c]:>6}" for c in CATEGORIES)
        print(f"{name:<17}{values}  {path}")


if __name__ == "__main__":
    main()
