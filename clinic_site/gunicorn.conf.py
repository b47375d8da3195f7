"""Gunicorn settings for `make serve` and production; the environment can override each."""

import os

bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
# Recycle workers now and then so memory stays flat over weeks. Rarely: a restarting
# worker holds requests for a second or two while Wagtail loads (every 5,000 requests
# put `make load`'s p99 at 2 s; memory after long runs stays near 140 MB).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = 10000
timeout = 30
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
wsgi_app = "clinic_site.wsgi:application"
