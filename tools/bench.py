"""`make bench`: throughput and latency of the main pages under gunicorn, measured with
wrk on loopback, each as a ratio to a static file served in the same run.

Uses DATABASE_URL (default: bench.sqlite3 beside the code) and REDIS_URL (default:
Redis database 14 on 127.0.0.1 when it answers, otherwise the in-process cache).
BENCH_ARTICLES (default 1000), BENCH_SECONDS (10), BENCH_CONNECTIONS (16).

Also times the demo article's PDF handout: cold (the first request after a publish, when
it is made) and cached (kept), against the targets below.
"""

import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from local_server import (
    PYTHON,
    ROOT,
    ensure_wrk,
    free_port,
    gunicorn,
    manage,
    parse_ms,
    prepare_site,
    production_environment,
)

ARTICLES = int(os.environ.get("BENCH_ARTICLES", "1000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
# A session cookie makes the page cache step aside: what an uncached request costs.
BYPASS_CACHE = "Cookie: sessionid=benchmark-not-a-session"

HANDOUT_PATH = "/learning-centre/therapeutic-exercise/handout.pdf"
HANDOUT_COLD_TARGET_MS = 2000
HANDOUT_CACHED_TARGET_MS = 50
HANDOUT_COLD_SAMPLES = int(os.environ.get("BENCH_HANDOUT_SAMPLES", "5"))
# What a publish does to every kept page and handout.
NEW_GENERATION = "from clinic_site.page_cache import invalidate_all; invalidate_all()"


def run_wrk(url, headers=(), connections=CONNECTIONS):
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{SECONDS}s", "--latency", url]
    for header in headers:
        command[1:1] = ["-H", header]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    if "Latency Distribution" not in output:
        sys.exit(f"wrk gave no latency figures for {url}:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = parse_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = parse_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rps, p50, p99, int(errors.group(1)) if errors else 0


def query_counts(env, paths):
    """Queries each page costs on a page-cache miss, counted in-process on the same data."""
    result = subprocess.run(  # noqa: S603
        [PYTHON, "tools/count_page_queries.py", *paths],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def worker_memory_mb(master_pid):
    peaks = []
    for child in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split():
        status = Path(f"/proc/{child}/status").read_text()
        rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
        peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
        peaks.append((rss, peak))
    return max(p[0] for p in peaks), max(p[1] for p in peaks)


def timed_pdf(url):
    """Milliseconds to fetch a handout, checking a PDF came back."""
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:  # noqa: S310 - loopback only
        body = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if not body.startswith(b"%PDF-"):
        sys.exit(f"{url} did not answer with a PDF")
    return elapsed


def handout_timings(env, base):
    """Cold: the handout's first request after a new page-cache generation (what a
    publish starts), when it is made. Cached: the kept PDF, from the page cache and,
    past it (a session cookie), from the handout's own store."""
    url = base + HANDOUT_PATH
    # Only in a shared cache (Redis) can another process start a new generation (and
    # one kept from an earlier run must be retired); with the in-process cache, the
    # first request to the fresh server is the one cold sample.
    shared_cache = bool(env.get("REDIS_URL"))
    cold = []
    for _ in range(HANDOUT_COLD_SAMPLES if shared_cache else 1):
        if shared_cache:
            manage(env, "shell", "-v0", "-c", NEW_GENERATION)
        cold.append(timed_pdf(url))
    timed_pdf(url)  # kept again after the last cold one
    cached = {
        "Cached (page cache)": run_wrk(url, connections=1),
        "Cached (past the page cache)": run_wrk(url, (BYPASS_CACHE,), connections=1),
    }
    return cold, cached


def print_handout_timings(cold, cached):
    def verdict(ms, target):
        return "ok" if ms < target else "SLOW"

    print(
        f"\nHandout of the demo article ({HANDOUT_PATH}); targets: cold under "
        f"{HANDOUT_COLD_TARGET_MS / 1000:g} s, cached under {HANDOUT_CACHED_TARGET_MS} ms"
    )
    print(f"{'Handout':<32}{'n':>5}{'p50 ms':>9}{'max/p99':>9}{'target':>8}")
    worst = max(cold)
    print(
        f"{'Cold (made on request)':<32}{len(cold):>5}{statistics.median(cold):>9.0f}"
        f"{worst:>9.0f}{verdict(worst, HANDOUT_COLD_TARGET_MS):>8}"
    )
    for name, (rps, p50, p99, _errors) in cached.items():
        print(
            f"{name:<32}{rps * SECONDS:>5.0f}{p50:>9.1f}{p99:>9.1f}"
            f"{verdict(p99, HANDOUT_CACHED_TARGET_MS):>8}"
        )


def main():
    ensure_wrk()
    port = free_port()
    env = production_environment(port, "bench.sqlite3", "bench")
    base = f"http://127.0.0.1:{port}"
    database = env["DATABASE_URL"].split("@")[-1]
    print(f"Database: {database}; cache: {env.get('REDIS_URL', 'in-process')}")
    prepare_site(env, ARTICLES)

    with gunicorn(env) as server:
        article_url = base + "/learning-centre/therapeutic-exercise/"
        page = urllib.request.urlopen(article_url).read().decode()  # noqa: S310
        static_path = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', page).group(1)
        targets = [
            ("Static file (reference)", static_path, ()),
            ("Article, cached", "/learning-centre/therapeutic-exercise/", ()),
            ("Article, uncached", "/learning-centre/therapeutic-exercise/", (BYPASS_CACHE,)),
            ("Learning Centre, uncached", "/learning-centre/", (BYPASS_CACHE,)),
            ("Topic page, uncached", "/learning-centre/topic/knee/", (BYPASS_CACHE,)),
            ("Exercise, uncached", "/learning-centre/exercises/chin-tuck/", (BYPASS_CACHE,)),
            ("Search, uncached", "/search/?q=knee+exercise", (BYPASS_CACHE,)),
        ]
        rows = []
        for name, path, headers in targets:
            urllib.request.urlopen(base + path).read()  # noqa: S310 - warm up
            rows.append((name, path, *run_wrk(base + path, headers)))
        # At 16 connections latency is mostly queueing behind 4 threads; one patient at
        # a time shows what a render itself costs.
        single = {
            path: run_wrk(base + path, headers, connections=1) for _, path, headers in targets[2:]
        }
        rss, peak = worker_memory_mb(server.pid)
        # After the memory reading, which stays comparable with earlier runs.
        handout_cold, handout_cached = handout_timings(env, base)

    counts = query_counts(env, [path for _, path, _ in targets[2:]])
    static_rps = rows[0][2]
    print(f"\nwrk, {CONNECTIONS} connections, {SECONDS}s each, {ARTICLES} articles, gunicorn")
    columns = f"{'Page':<28}{'req/s':>9}{'x static':>10}{'p50 ms':>9}{'p99 ms':>9}"
    print(f"{columns}{'non-2xx':>9}{'queries':>9}")
    for name, path, rps, p50, p99, errors in rows:
        queries = (
            "" if path == static_path else ("0" if name.endswith(", cached") else counts[path])
        )
        numbers = f"{rps:>9.0f}{rps / static_rps:>10.2f}{p50:>9.1f}{p99:>9.1f}"
        print(f"{name:<28}{numbers}{errors:>9}{queries!s:>9}")
    print(f"\nOne connection at a time, {SECONDS}s each (page-cache misses)")
    print(f"{'Page':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}")
    for name, path, _ in targets[2:]:
        rps, p50, p99, _errors = single[path]
        print(f"{name:<28}{rps:>9.0f}{p50:>9.1f}{p99:>9.1f}")
    print(f"Gunicorn worker memory after the run: {rss:.0f} MB resident (peak {peak:.0f} MB)")
    print_handout_timings(handout_cold, handout_cached)


if __name__ == "__main__":
    main()
