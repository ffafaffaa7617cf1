"""
Settings for the ketamine patient-education site.

One module for every environment: each deploy-specific value comes from an environment
variable (documented in README.md, "Settings") with a safe local default. DEBUG is off unless
DJANGO_DEBUG says otherwise, and with DEBUG off the site refuses to start without a secret key
and allowed hosts.
"""

import os
from pathlib import Path

import dj_database_url

from ketamine_site.env import env_bool, env_int, env_list, env_required

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECRET_KEY = env_required(
    "DJANGO_SECRET_KEY",
    unless=DEBUG,
    fallback="django-insecure-local-development-only-never-deploy-this-key",
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS") or (
    ["localhost", "127.0.0.1", "[::1]"] if DEBUG else env_required("DJANGO_ALLOWED_HOSTS", unless=False, fallback="")
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles so `runserver` serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "articles",
    "clinics",
    "feedback",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names so browsers may cache static files for a year.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The public address of the site, for canonical links, feeds, the sitemap and social previews.
# Pages are memoized, so absolute URLs must not depend on the Host header of whoever came first.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Ketamine Therapy Guide"

# Where editors' Markdown lives. Articles are read from disk once and re-read when a file changes.
CONTENT_DIR = Path(os.environ.get("CONTENT_DIR") or BASE_DIR / "content")
# How often (seconds) a request may look at the content folder for changes.
CONTENT_CHECK_INTERVAL = float(env_int("CONTENT_CHECK_INTERVAL_MS", 1000)) / 1000

# Shared by every worker when REDIS_URL is set (the inquiry rate limit counts through it);
# otherwise each process keeps its own, which is fine for one process.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {"django": {"handlers": ["stdout"], "level": "INFO", "propagate": False}},
}

# "Was this page helpful?": answers accepted per client (keyed by a hash of the address) and period.
FEEDBACK_RATE_LIMIT = os.environ.get("FEEDBACK_RATE_LIMIT", "10/h")
