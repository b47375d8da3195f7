"""A private PostgreSQL, Redis and gunicorn for the fault tests, each on its own free
port in its own temporary folder, so stopping them never touches the machine's
shared database or cache."""

import http.client
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.environment import PROJECT_DIR

POSTGRES_BIN = Path(os.environ.get("POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))

# Settings from the test run that must not leak into the servers started here.
NOT_INHERITED = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "REDIS_URL",
    "CACHE_KEY_PREFIX",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DB_CONN_MAX_AGE",
    "STATIC_ROOT",
    "MEDIA_ROOT",
}


def unavailable(reason):
    """CI must run the fault tests; elsewhere a missing binary is an honest skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"Fault tests cannot run in CI: {reason}")
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_until(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not happen within {timeout} s")


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: str
    seconds: float


def get(port, path, timeout=10, headers=()):
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1", **dict(headers)})
        response = conn.getresponse()
        body = response.read().decode("utf-8", "replace")
        return Answer(response.status, response.headers, body, time.monotonic() - started)
    finally:
        conn.close()


class PrivatePostgres:
    """initdb into a temporary folder; trust authentication on loopback only."""

    def __init__(self):
        initdb = POSTGRES_BIN / "initdb"
        if not initdb.exists():
            unavailable(f"{initdb} is not installed")
        # PostgreSQL refuses to run as root; then the cluster belongs to "postgres".
        self.owner = None
        if os.geteuid() == 0:
            try:
                self.owner = pwd.getpwnam("postgres")
            except KeyError:
                unavailable("running as root and there is no postgres user to run PostgreSQL")
        self.folder = Path(tempfile.mkdtemp(prefix="clinic-faults-pg-"))
        if self.owner:
            os.chown(self.folder, self.owner.pw_uid, self.owner.pw_gid)
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self.run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "--no-sync")

    def run(self, program, *args):
        command = [str(POSTGRES_BIN / program), *map(str, args)]
        if self.owner:
            command = ["runuser", "-u", self.owner.pw_name, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)  # noqa: S603
        assert result.returncode == 0, f"{program} failed:\n{result.stdout}{result.stderr}"

    def start(self):
        # Durability does not matter for a throwaway cluster; speed does.
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run("pg_ctl", "start", "-w", "-D", self.data, "-l", self.folder / "log", "-o", options)

    def stop(self):
        self.run("pg_ctl", "stop", "-w", "-m", "fast", "-D", self.data)

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            self.run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", self.data)
        shutil.rmtree(self.folder, ignore_errors=True)


class PrivateRedis:
    def __init__(self):
        if not shutil.which("redis-server"):
            unavailable("redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server"),
                *("--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: port_answers(self.port), 10, "Redis starting")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None

    def remove(self):
        if self.process:
            self.stop()


class SiteServer:
    """The site under gunicorn with the production settings, as deployed."""

    def __init__(self, database_url, redis_url):
        self.folder = Path(tempfile.mkdtemp(prefix="clinic-faults-site-"))
        self.port = free_port()
        self.log = self.folder / "gunicorn.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in NOT_INHERITED},
            "DJANGO_SETTINGS_MODULE": "clinic_site.settings.production",
            "SECRET_KEY": "fault-tests-only-secret-key-0123456789abcdefghij",
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.port}",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(self.folder / "static"),
            "MEDIA_ROOT": str(self.folder / "media"),
            # Persistent connections, as in production: they must survive a restart.
            "DB_CONN_MAX_AGE": "600",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": "1",
            "GUNICORN_THREADS": "2",
        }
        self.process = None

    def manage(self, *args):
        result = subprocess.run(  # noqa: S603
            # The test run has already checked the project; each check costs seconds.
            [sys.executable, "manage.py", *args, "--skip-checks"],
            cwd=PROJECT_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stderr}"

    def start(self):
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("load_demo_content")
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "-c",
                    "clinic_site/gunicorn.conf.py",
                ],
                cwd=PROJECT_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_until(lambda: port_answers(self.port), 30, "gunicorn starting")

    def log_text(self):
        return self.log.read_text(errors="replace")

    def remove(self):
        if self.process:
            # SIGINT: gunicorn's quick shutdown; nothing here needs a graceful one.
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
