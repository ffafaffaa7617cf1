"""
Settings for the ketamine patient-education site.

One module for every environment: each deploy-specific value comes from an environment
variable (documented in README.md, "Settings") with a safe local default. DEBUG is off unless
DJANGO_DEBUG says otherwise, and with DEBUG off the site refuses to start without a secret key
and allowed hosts.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy

from ketamine_site.env import env_bool, env_int, env_list, env_path_prefix, env_required

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

# `manage.py` is the editors' and staff's tool on their own machine, and must work with no
# environment at all, so it may fall back to a local-only key and local host names (manage.py
# sets DJANGO_LOCAL_COMMAND). Serving never does: gunicorn loads wsgi.py, which refuses to start
# without DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS, and `check --deploy` fails on the fallback
# (operations/checks.py). A key in the environment always wins, so production commands sign
# with the real key.
LOCAL_COMMAND = env_bool("DJANGO_LOCAL_COMMAND") and not os.environ.get("DJANGO_SECRET_KEY", "").strip()
LOCAL_ONLY_SECRET_KEY = "django-insecure-local-only-never-deploy-this-key-0f9e8d7c6b5a4"  # noqa: S105 - public on purpose
LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

SECRET_KEY = env_required("DJANGO_SECRET_KEY", unless=DEBUG or LOCAL_COMMAND, fallback=LOCAL_ONLY_SECRET_KEY)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or (
    LOCAL_HOSTS if DEBUG or LOCAL_COMMAND else env_required("DJANGO_ALLOWED_HOSTS", unless=False, fallback="")
)

# The admin's URL prefix; a path of your own keeps it out of the way of drive-by scanners.
ADMIN_PATH = env_path_prefix("DJANGO_ADMIN_PATH", "admin/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles so `runserver` serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_tasks",
    "django_tasks_db",
    # Shared building blocks first: every app below may use core, core uses none of them.
    "core",
    "articles",
    "embeds",
    "clinics",
    "feedback",
    "operations",
    "consent",
    "readerstats",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Above WhiteNoise so static files carry the same headers as pages.
    "operations.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above consent, sessions and CSRF, so it sees the final Set-Cookie headers (static files never get here).
    "operations.cache_policy.CachePolicyMiddleware",
    # Above every middleware that sets cookies, so it filters their Set-Cookie headers last.
    "consent.middleware.ConsentMiddleware",
    # Below consent, which removes its language cookie unless preferences are allowed; above anything
    # that renders or resolves a URL, since the translated URL patterns need the page's language.
    "core.languages.LanguageFromPathMiddleware",
    # Below consent, whose request.consent it reads, and below CSP, which reads the frame-src it adds.
    "embeds.middleware.ExternalMediaFramesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "readerstats.middleware.PageViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Below everything that reads the request or marks the response: a page the memo holds is
    # answered here, before URL resolution (articles/page_cache.py).
    "articles.page_cache.PageMemoMiddleware",
    "operations.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ketamine_site.urls"
WSGI_APPLICATION = "ketamine_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site_navigation",
                "core.languages.language_links",
            ],
        },
    },
]

# SQLite is the embedded default and must survive concurrent form posts: WAL lets readers
# run beside a writer, IMMEDIATE takes the write lock at BEGIN (no upgrade deadlocks), and
# the timeout makes a second writer wait instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Several workers or machines share one Redis (rate limits count through it, so they hold across
# workers); a single process may use local memory.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
if REDIS_URL:
    # A Redis that is down or stalled must cost a request half a second at most: every cache call
    # then fails open (core/cache_fallback.py), and the visitor's post goes ahead.
    CACHES["default"]["OPTIONS"] = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("DJANGO_ADMIN_LOGIN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_ADMIN_LOCKOUT_MINUTES", 30))
# Lock the username and address pair: an attacker elsewhere cannot lock staff out of their own account.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "operations/lockout.html"
# The rate limits' notion of a client (TRUSTED_PROXY_COUNT, IPv6 per /64), so behind the proxy the
# lockout is per visitor, not one lock for everyone.
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
# axes keeps every attempt's address and user agent; `prune_signin_records` deletes them after this.
ADMIN_SIGNIN_RETENTION_DAYS = env_int("DJANGO_ADMIN_SIGNIN_RETENTION_DAYS", 90)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Two editions: English at the root, Spanish under /es/ (core/languages.py). The language of a page
# comes from its address alone, never from Accept-Language, so every URL has one cacheable answer.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names so browsers may cache static files for a year.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or LOCAL_COMMAND  # a local command has no collectstatic manifest to read
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The public address of the site, for canonical links, feeds, the sitemap and social previews.
# Pages are memoized, so absolute URLs must not depend on the Host header of whoever came first.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = gettext_lazy("Ketamine Therapy Guide")  # translated on Spanish pages (locale/es)
# The article every crisis link points to (the crisis bar, the footer, the find-a-clinic pages).
CRISIS_HELP_SLUG = "crisis-help"

# How long a shared cache (nginx, a CDN) may keep a page that is the same for every first-time
# visitor, and serve it stale while it fetches a fresh copy (operations/cache_policy.py). A content
# edit reaches readers behind such a cache within SHARED_CACHE_SECONDS + CONTENT_CHECK_INTERVAL_MS.
SHARED_CACHE_SECONDS = env_int("SHARED_CACHE_SECONDS", 60)
SHARED_CACHE_STALE_SECONDS = env_int("SHARED_CACHE_STALE_SECONDS", 30)

# Where editors' Markdown lives. Articles are read from disk once and re-read when a file changes.
CONTENT_DIR = Path(os.environ.get("CONTENT_DIR") or BASE_DIR / "content")
# Rendered articles kept between restarts (articles/render_cache.py); empty turns the cache off.
# It must be writable by the site's user only.
CONTENT_CACHE_DIR = os.environ.get("CONTENT_CACHE_DIR", str(BASE_DIR / ".cache" / "renders"))
# How often (seconds) a request may look at the content folder for changes.
CONTENT_CHECK_INTERVAL = float(env_int("CONTENT_CHECK_INTERVAL_MS", 1000)) / 1000

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)  # a slow mail server must not hold a form post for long
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Find a clinic (clinics app).
CLINIC_NOTIFY_EMAILS = env_list("CLINIC_NOTIFY_EMAILS")
PRIVACY_POLICY_VERSION = os.environ.get("PRIVACY_POLICY_VERSION", "2026-01")
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")
INQUIRY_MIN_SECONDS = env_int("INQUIRY_MIN_SECONDS", 3)
INQUIRY_MAX_SECONDS = env_int("INQUIRY_MAX_SECONDS", 2 * 60 * 60)
INQUIRY_RATE_LIMIT = os.environ.get("INQUIRY_RATE_LIMIT", "5/h")
INQUIRY_RETENTION_DAYS = env_int("INQUIRY_RETENTION_DAYS", 180)
# How many proxies in front of the site append to X-Forwarded-For. 0 (the default) ignores the
# header, which any client can forge, and uses the connecting address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# One JSON object per line on stdout, for whatever collects the container's output.

# Cookie consent (the consent app). Raising the policy version asks every visitor again.
CONSENT_POLICY_VERSION = env_int("CONSENT_POLICY_VERSION", 1)
CONSENT_COOKIE_AGE = env_int("CONSENT_COOKIE_AGE_DAYS", 182) * 24 * 60 * 60
CONSENT_COOKIE_SECURE = not DEBUG  # `make run` serves plain http
CONSENT_RECORD_RETENTION_DAYS = env_int("CONSENT_RECORD_RETENTION_DAYS", 3 * 365)
# Cookie choices (banner, /cookies/, /preferences/ together) per client and period: each choice is a
# record kept for CONSENT_RECORD_RETENTION_DAYS, so a script must not be able to pile them up.
CONSENT_RATE_LIMIT = os.environ.get("CONSENT_RATE_LIMIT", "20/h")
# Article view counts are buffered per process and written at most this often (see readerstats/statistics.py).
STATISTICS_FLUSH_SECONDS = env_int("STATISTICS_FLUSH_SECONDS", 10)
# The view whose pages are counted (its URL carries the article's `slug`): wired here, so that
# readerstats need not know the articles app.
STATISTICS_ARTICLE_VIEW = "articles:detail"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "operations.logs.JsonLinesFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # axes announces itself at every start, which would also clutter editors' command output.
        "axes.apps": {"level": "WARNING"},
    },
}

# "Was this page helpful?": answers accepted per client (keyed by a hash of the address) and period.
FEEDBACK_RATE_LIMIT = os.environ.get("FEEDBACK_RATE_LIMIT", "10/h")

# --- Background tasks (README, "Background work") ---
# django-tasks with its database backend: a task is a row written in the same transaction as the
# work that asks for it, so an inquiry is never stored without its notification, nor the reverse.
# `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# The staff e-mail is tried this many times; the first retry waits INQUIRY_NOTIFY_RETRY_SECONDS and
# each next one twice as long, at most an hour (10 attempts span about three hours).
INQUIRY_NOTIFY_ATTEMPTS = env_int("INQUIRY_NOTIFY_ATTEMPTS", 10)
INQUIRY_NOTIFY_RETRY_SECONDS = env_int("INQUIRY_NOTIFY_RETRY_SECONDS", 30)

# --- HTTPS and security headers (README, "Security headers") ---
# TLS ends at the proxy. Trust its X-Forwarded-Proto only when told to: without a proxy that sets
# (and overwrites) it, any client could claim HTTPS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_TRUST_X_FORWARDED_PROTO") else None
# Redirecting HTTP to HTTPS is the proxy's job, and the site must keep answering plain HTTP on
# 127.0.0.1 for its own checks and load tests; so the redirect is opt-in and its warning silenced.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT")
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # load balancers probe over plain HTTP
SILENCED_SYSTEM_CHECKS = [
    "security.W008",  # SECURE_SSL_REDIRECT off: the proxy redirects (see above).
    "security.W021",  # HSTS preload: submitting the domain to browsers' preload lists is the owner's call.
]
SECURE_HSTS_SECONDS = 0 if DEBUG else 365 * 24 * 60 * 60  # sent on HTTPS responses only
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True  # no script of ours reads either cookie
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Added by operations.middleware.SecurityHeadersMiddleware (Django has no setting for these).
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "usb",
    )
}
# Content-Security-Policy (django-csp): nothing is allowed unless listed here. To widen it for one
# response (say, frame-src for video hosts a visitor has consented to), use django-csp's
# `csp_update` decorator, or set `response._csp_update = {"frame-src": [...]}` in a middleware
# listed below CSPMiddleware. Never add 'unsafe-inline' or 'unsafe-eval'; inline code needs a nonce,
# and a nonce must never appear on a memoized page (articles/page_cache.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
