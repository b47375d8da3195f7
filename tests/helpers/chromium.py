"""Debian's Chromium and the flags it needs on these machines (no sandbox as root, and
no background calls to Google's hosts, which a closed network refuses one by one).
Shared by the browser tests and tools/screenshots.py."""

import os

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
