# The README's commands. Everything runs from the project's own virtualenv in .venv.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint check install install-dev audit screenshots serve bench load backup restore

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

install: $(VENV)/.runtime-installed
install-dev: $(VENV)/.dev-installed

# The address the demo serves on, also used for the links load_demo_content prints.
RUN_ENV = PORT=$(PORT) WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)}

## make run: set up, load the demo clinic and serve it on http://127.0.0.1:$(PORT)
run: install
	$(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py load_demo_content
	@echo ""
	@echo "  Site:  http://127.0.0.1:$(PORT)/"
	@echo "  Admin: http://127.0.0.1:$(PORT)/admin/  (log in with the admin login printed above)"
	@echo "  A patient's exercise programme: the sample programme link printed above"
	@echo ""
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

## make test: the whole test suite (SQLite, or PostgreSQL when DATABASE_URL is set)
test: install-dev
	$(PY) -m pytest

## make lint: ruff lint and format check
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## make check: Django's system checks and a migrations check
check: install-dev
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

## make audit: Lighthouse scores (performance, accessibility, best practices, SEO) per page type
audit: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) tools/audit.py

## make screenshots: the README's screenshots (phone article, admin editor) in docs/screenshots/, with Chromium
screenshots: install-dev
	$(PY) tools/screenshots.py

## make serve: the production settings on gunicorn + whitenoise, locally (http://127.0.0.1:$(PORT))
SERVE_ENV = DJANGO_SETTINGS_MODULE=clinic_site.settings.production \
	SECRET_KEY=$${SECRET_KEY:-local-serve-$$(hostname)-not-for-the-internet} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/db.sqlite3} \
	WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)} \
	SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-false} \
	SERVE_MEDIA_FILES=$${SERVE_MEDIA_FILES:-true}

serve: install
	$(SERVE_ENV) $(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(SERVE_ENV) $(PY) manage.py load_demo_content
	$(SERVE_ENV) PORT=$(PORT) $(VENV)/bin/gunicorn -c clinic_site/gunicorn.conf.py

## make bench: wrk against gunicorn (production settings) on the main pages, as ratios to a static file
bench: install-dev
	$(PY) tools/bench.py

## make load: 50 clients at once on the main pages for 60s (LOAD_SECONDS); fails on any error or 5xx
load: install-dev
	$(PY) tools/load.py

## make backup: database and media files in one archive, backups/clinic-backup-<UTC time>.tar.gz (BACKUP_DIR)
backup: install
	$(PY) manage.py backup_site

## make restore BACKUP=path: that archive into an empty database and MEDIA_ROOT (FORCE=1 replaces a database in use)
restore: install
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=backups/clinic-backup-....tar.gz"; exit 2; }
	$(PY) manage.py restore_site "$(BACKUP)" $(if $(FORCE),--force)
