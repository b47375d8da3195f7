"""`make load`: LOAD_CONNECTIONS (50) patients at once on the main pages for
LOAD_SECONDS (60), against gunicorn with production settings, on loopback.

One wrk per page runs in parallel (the connections shared between them), so each page
gets its own latency figures; tools/load.lua hands back each run's latency histogram
so the pages also merge into overall percentiles. Exits non-zero if any request fails
(socket error, timeout, or a status other than 2xx/3xx), 5xx included.

Database as for `make bench`: DATABASE_URL, or bench.sqlite3 beside the code, topped
up with the demo content and LOAD_ARTICLES (default 200) articles. Redis database 14
when it answers. Patients are anonymous, so pages come from the page cache as they
would in production; LOAD_UNCACHED=1 sends a session cookie to measure rendering.
"""

import json
import os
import subprocess
import sys
import urllib.request

from local_server import (
    ROOT,
    ensure_wrk,
    free_port,
    gunicorn,
    prepare_site,
    production_environment,
)

SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "50"))
ARTICLES = int(os.environ.get("LOAD_ARTICLES", "200"))
UNCACHED = os.environ.get("LOAD_UNCACHED", "") not in ("", "0")
# The page cache steps aside for anyone with a session, as it does for editors.
SESSION_COOKIE = "Cookie: sessionid=load-test-not-a-session"
# Slow answers are measured up to this long rather than counted as timeouts at wrk's 2 s.
TIMEOUT = "10s"

PAGES = [
    ("Home", "/"),
    ("Learning Centre", "/learning-centre/"),
    ("Topic page", "/learning-centre/topic/exercise/"),
    ("Article", "/learning-centre/therapeutic-exercise/"),
    ("Search", "/search/?q=knee+exercise"),
    ("Terms of use", "/terms-of-use/"),
]


def share(total, parts):
    """total connections spread over parts pages as evenly as possible (each at least 1)."""
    return [max(1, total // parts + (1 if n < total % parts else 0)) for n in range(parts)]


def start_wrk(url, connections):
    command = ["wrk", "-t1", f"-c{connections}", f"-d{SECONDS}s", f"--timeout={TIMEOUT}"]
    if UNCACHED:
        command += ["-H", SESSION_COOKIE]
    command += ["-s", str(ROOT / "tools" / "load.lua"), url]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # noqa: S603


def result_of(process, url):
    stdout, stderr = process.communicate()
    for line in stdout.splitlines():
        if line.startswith("LOAD-RESULT "):
            return json.loads(line.removeprefix("LOAD-RESULT "))
    sys.exit(f"wrk gave no result for {url} (exit {process.returncode}):\n{stdout}{stderr}")


def percentile(histogram, fraction):
    """The latency (µs) below which `fraction` of the requests fell; histogram is sorted."""
    total = sum(count for _, count in histogram)
    if not total:
        return 0
    wanted, seen = fraction * total, 0
    for value, count in histogram:
        seen += count
        if seen >= wanted:
            return value
    return histogram[-1][0]


def summarise(result):
    status = result["status"]
    histogram = sorted(result["latency_us"])
    return {
        "requests": result["requests"],
        "rps": result["requests"] / (result["duration_us"] / 1e6),
        "p50": percentile(histogram, 0.50) / 1000,
        "p99": percentile(histogram, 0.99) / 1000,
        "failed": status[0] + status[3] + status[4],
        "5xx": status[4],
        "socket": sum(result[kind] for kind in ("connect", "read", "write", "timeout")),
        "timeouts": result["timeout"],
    }


def merged(results):
    combined = {
        "requests": sum(r["requests"] for r in results),
        "duration_us": max(r["duration_us"] for r in results),
        "status": [sum(r["status"][n] for r in results) for n in range(5)],
        "latency_us": [bucket for r in results for bucket in r["latency_us"]],
    }
    for kind in ("connect", "read", "write", "timeout"):
        combined[kind] = sum(r[kind] for r in results)
    return combined


def main():
    ensure_wrk()
    port = free_port()
    env = production_environment(port, sqlite_file="bench.sqlite3", cache_key_prefix="load")
    base = f"http://127.0.0.1:{port}"
    print(f"Database: {env['DATABASE_URL'].split('@')[-1]}; cache: {env.get('REDIS_URL', 'none')}")
    prepare_site(env, ARTICLES)

    with gunicorn(env):
        for _, path in PAGES:
            # Fails fast (HTTPError) on a missing page, and warms the cache.
            urllib.request.urlopen(base + path).read()  # noqa: S310 - loopback only
        print(f"{CONNECTIONS} connections on {len(PAGES)} pages for {SECONDS}s...", flush=True)
        runs = [
            (name, path, start_wrk(base + path, connections))
            for (name, path), connections in zip(PAGES, share(CONNECTIONS, len(PAGES)), strict=True)
        ]
        results = [(name, path, result_of(process, base + path)) for name, path, process in runs]

    rows = [(name, summarise(result)) for name, _, result in results]
    rows.append(("All pages", summarise(merged([result for *_, result in results]))))
    cache = "uncached (session cookie)" if UNCACHED else "anonymous (page cache on)"
    print(f"\nwrk, {CONNECTIONS} connections, {SECONDS}s, {cache}, gunicorn, production settings")
    header = f"{'Page':<18}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
    print(f"{header}{'non-2xx/3xx':>13}{'5xx':>6}{'socket errors':>15}")
    for name, row in rows:
        numbers = f"{row['requests']:>10}{row['rps']:>9.0f}{row['p50']:>9.1f}{row['p99']:>9.1f}"
        print(f"{name:<18}{numbers}{row['failed']:>13}{row['5xx']:>6}{row['socket']:>15}")

    overall = rows[-1][1]
    if overall["failed"] or overall["socket"]:
        sys.exit(
            f"FAILED: {overall['failed']} responses were not 2xx/3xx ({overall['5xx']} 5xx) "
            f"and {overall['socket']} requests had socket errors "
            f"({overall['timeouts']} timed out after {TIMEOUT})."
        )
    print("No errors.")


if __name__ == "__main__":
    main()
