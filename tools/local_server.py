"""Helpers shared by the audit, benchmark and load scripts: a free loopback port,
waiting until a server started there answers, and gunicorn with production settings."""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"The site did not answer at {url}")


# The pieces below are shared by the scripts that run the site under gunicorn with
# production settings (tools/bench.py, tools/load.py).

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def redis_answers(host="127.0.0.1", port=6379):
    try:
        with socket.create_connection((host, port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def ensure_wrk():
    if shutil.which("wrk"):
        return
    print("Installing wrk (Debian package)...", flush=True)
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, stdout=subprocess.DEVNULL)  # noqa: S607


def production_environment(port, sqlite_file, cache_key_prefix):
    """Production settings on loopback: DATABASE_URL or sqlite_file, Redis 14 if it answers."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "local-tools-only-secret-key-0123456789abcdef"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / sqlite_file}",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "SERVE_MEDIA_FILES": "true",
        "PORT": str(port),
        "DB_CONN_MAX_AGE": "600",
    }
    if not env.get("REDIS_URL") and redis_answers():
        env["REDIS_URL"] = "redis://127.0.0.1:6379/14"
    env.setdefault("CACHE_KEY_PREFIX", cache_key_prefix)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def prepare_site(env, articles):
    """Migrated, static files collected, the demo clinic and `articles` articles."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo_content")
    subprocess.run(  # noqa: S603
        [PYTHON, "tools/create_benchmark_data.py", "--articles", str(articles)],
        cwd=ROOT,
        env=env,
        check=True,
    )


@contextlib.contextmanager
def gunicorn(env):
    """gunicorn with the project's config, stopped (SIGTERM) when the block ends."""
    server = subprocess.Popen(  # noqa: S603
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "clinic_site/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{env['PORT']}/")
        yield server
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def parse_ms(value):
    """wrk's "1.23ms" / "850.00us" / "2.01s" as milliseconds."""
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]
