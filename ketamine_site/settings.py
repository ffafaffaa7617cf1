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
    "consent",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above every middleware that sets cookies, so it filters their Set-Cookie headers last.
    "consent.middleware.ConsentMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "consent.middleware.PageViewMiddleware",
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

# Where editors' Markdown lives. Articles are read from disk once and re-read when a file changes.
CONTENT_DIR = Path(os.environ.get("CONTENT_DIR") or BASE_DIR / "content")
# How often (seconds) a request may look at the content folder for changes.
CONTENT_CHECK_INTERVAL = float(env_int("CONTENT_CHECK_INTERVAL_MS", 1000)) / 1000

# Cookie consent (the consent app). Raising the policy version asks every visitor again.
CONSENT_POLICY_VERSION = env_int("CONSENT_POLICY_VERSION", 1)
CONSENT_COOKIE_AGE = env_int("CONSENT_COOKIE_AGE_DAYS", 182) * 24 * 60 * 60
CONSENT_COOKIE_SECURE = not DEBUG  # `make run` serves plain http
CONSENT_RECORD_RETENTION_DAYS = env_int("CONSENT_RECORD_RETENTION_DAYS", 3 * 365)
# Article view counts are buffered per process and written at most this often (see consent/statistics.py).
STATISTICS_FLUSH_SECONDS = env_int("STATISTICS_FLUSH_SECONDS", 10)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": "INFO"},
    "loggers": {"django": {"handlers": ["stdout"], "level": "INFO", "propagate": False}},
}
