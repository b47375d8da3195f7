"""Settings shared by every environment; dev, production and test build on these."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "clinic_site",
    "clinic_site.admin_security",
    "clinic_site.backup",
    "clinic_site.demo",
    "clinic_site.page_cache",
    "learning",
    "programmes",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    # First: a cached page is the finished response (security headers, ETag and all),
    # so a hit skips every other middleware, sessions and the database.
    "clinic_site.page_cache.middleware.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Inside the page cache, so cached pages carry the same headers.
    "csp.middleware.CSPMiddleware",
    # The admin's own policy, which the strict one above leaves out.
    "clinic_site.admin_security.middleware.AdminContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Static files straight from the app server, compressed and cached for a year.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags and 304s for every page.
    "django.middleware.http.ConditionalGetMiddleware",
    # Inside the page cache (cached pages need no database) and the header middleware
    # above (so its page carries their headers): a database outage becomes a 503.
    "clinic_site.hardening.database_unavailable.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): has this session passed the second factor?
    "django_otp.middleware.OTPMiddleware",
    # Sends a signed-in but unverified user from the admin to the code page.
    "clinic_site.admin_security.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "clinic_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "clinic_site.wsgi.application"

# SQLite next to the code unless DATABASE_URL names another database
# (postgres://user:password@host:port/name in production and CI). An empty
# DATABASE_URL counts as unset.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        # A persistent connection broken by a database restart is replaced at the next
        # request, so the site recovers by itself.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable database fails the request within seconds (a 503) instead of
    # holding a worker for the operating system's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Admin sign-in. django-axes checks for a lock-out before any password is compared, so
# its backend comes first (clinic_site.admin_security.backends says why it is a subclass).
AUTHENTICATION_BACKENDS = [
    "clinic_site.admin_security.backends.SignInLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords in a row pause sign-in for 15 minutes: enough for a tired
# physiotherapist's typos, while an attacker gets about 480 guesses a day at one
# account, against 12-character passwords with a second factor behind them.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
# Count failures per username and address together, so one attacker cannot lock the
# whole clinic out, nor one colleague's typos another colleague.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Password spraying (a password or two against each of many usernames) never reaches
# five for one username, so one address may also fail only 25 times in 15 minutes, all
# usernames together (each adds at most 5: tries at a paused username check no
# password). To pause a clinic behind one office address by accident, five colleagues
# would each have to lock themselves out within the same 15 minutes; a sprayer gets 25
# guesses per 15 minutes in all instead of 5 for every username it knows. The handler is
# in clinic_site.admin_security.lockout; an IPv6 /64 counts as one address (client_ip).
ADMIN_ADDRESS_FAILURE_LIMIT = 25
AXES_HANDLER = "clinic_site.admin_security.lockout.AddressCapHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "clinic_site.admin_security.views.locked_out"
# Behind a reverse proxy every request comes from the proxy's address; set
# TRUSTED_PROXY_COUNT to the number of proxies in front that append the address they
# saw to X-Forwarded-For (1 for one nginx), so each client is counted by its own.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "clinic_site.admin_security.client_ip.client_ip"

# Every admin user signs in with a code from an authenticator app (TOTP) as well as a
# password when this is on; production turns it on, dev and tests leave it to the user.
ADMIN_REQUIRE_2FA = os.environ.get("ADMIN_REQUIRE_2FA", "false").lower() == "true"
# Days after an account is made, or reset_two_factor is run, in which its user may link an app.
ADMIN_2FA_SETUP_DAYS = 7
OTP_TOTP_ISSUER = "Physiotherapy clinic"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The clinic's own time zone: dates shown to patients ("Last updated", review dates) and
# times shown to staff (when a paused sign-in opens again) are in it.
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
# STATIC_ROOT lets a throwaway server (the fault tests) collect into its own folder.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"

MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Production normally serves uploads from the web server or object storage; a single
# machine (make serve, benchmarks) can let Django serve them.
SERVE_MEDIA_FILES = os.environ.get("SERVE_MEDIA_FILES", "").lower() == "true"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Article pages with many blocks post many fields from the page editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Redis when REDIS_URL is set (production), otherwise an in-process cache.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "clinic_site.page_cache.backends.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "clinic"),
            # A stopped Redis must not hang patients' requests.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail's rendition cache: the default cache, with a copy per process for as long as
# no content changes (clinic_site.page_cache.backends.RenditionCache).
CACHES["renditions"] = {
    "BACKEND": "clinic_site.page_cache.backends.RenditionCache",
    "LOCATION": "default",
}

# The project's models that patients' pages show: saving or deleting one starts a new
# page-cache generation (Wagtail's own content is covered by the page cache itself).
PAGE_CACHE_INVALIDATING_MODELS = [
    "clinic_site.ClinicSettings",
    "learning.LearningCentreSettings",
    "learning.Disclaimer",
    "learning.Person",
    "learning.Topic",
]

# How long a CDN in front may keep a page. Keep 0 unless Wagtail's frontend cache
# purges it on publish (FRONTEND_CACHE_PURGE_URL below); browsers always revalidate.
PAGE_CACHE_CDN_MAX_AGE = int(os.environ.get("PAGE_CACHE_CDN_MAX_AGE", "0"))
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip()
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Patients' pages load nothing but this site's own files and run no inline script.
# The admin (Wagtail 8 still has a few inline scripts) and documents are left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/documents/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The admin gets its own, looser policy (clinic_site.admin_security.middleware): Wagtail
# 8's admin has inline scripts and styles, same-origin preview frames, blob: image
# previews and a check for new Wagtail releases.
ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF, "https://releases.wagtail.org"],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in ["camera", "geolocation", "microphone", "payment", "usb", "interest-cohort"]
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

WAGTAIL_SITE_NAME = "Physiotherapy clinic"
# Autosave off (Wagtail 8's default is a background save 500 ms after every change). It
# posted half-written articles that the form then refused ("Autosave is paused – There
# are validation errors"), created pages nobody chose to save (the add view autosaves
# too), filled the history with "Draft saved" lines and saved revisions in a reviewer's
# name when they only looked. A longer interval would do the same, less often. Writers
# save with "Save draft"; with autosave off Wagtail warns "You have unsaved edits" before
# they leave the page instead. 0 turns it off in both the add and the edit view.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Staff avatars are Wagtail's own placeholder: no email hashes sent to Gravatar, and
# nothing from another site for the admin's Content-Security-Policy to allow.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The address search engines are given in the sitemap, robots.txt and canonical links,
# e.g. https://www.northgate-physio.example (scheme and host only). Unset, each request's
# own scheme and host are used (checked against ALLOWED_HOSTS), never the Wagtail Site
# record's hostname.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "").strip()

# Wagtail's database search backend uses PostgreSQL full-text search on PostgreSQL.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Documents go through Wagtail's view, which enforces private collections' passwords
# and logins; a direct file URL would skip them.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# A phone photo is 2-8 MB and 12-24 megapixels; the limits leave room for a 36 MP camera
# while refusing files that would take minutes or gigabytes to resize (40 MP is
# about 160 MB decoded), and "pixel flood" files that declare billions of pixels.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Refuses damaged images that Wagtail's header checks let through.
WAGTAILIMAGES_IMAGE_FORM_BASE = "clinic_site.hardening.image_uploads.ClinicImageForm"

# Hosts an exercise's video link may point at, comma-separated, e.g.
# "www.youtube-nocookie.com,vimeo.com". Empty (the default): no exercise shows a video,
# so no third party sees patients until the clinic chooses one. Links only, no embeds.
EXERCISE_VIDEO_HOSTS = [
    host.strip().lower()
    for host in os.environ.get("EXERCISE_VIDEO_HOSTS", "").split(",")
    if host.strip()
]

# Patients read dates in the clinic's own format ("25 November 2026").
DATE_FORMAT = "j F Y"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
