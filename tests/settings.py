"""Settings for the test suite: the real settings, with the values a test run cannot supply."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from ketamine_site.settings import *  # noqa: F403

# Tests do not run collectstatic, so serve static files by their plain names.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
# Re-read content on every request so tests that edit files see the change at once.
CONTENT_CHECK_INTERVAL = 0
# Tests of the render cache give it a folder of their own; the rest render from scratch.
CONTENT_CACHE_DIR = ""
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast users in tests only
# Serve static files straight from static/ as `make run` does (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests write buffered article statistics explicitly (readerstats.statistics.page_views_flush).
STATISTICS_FLUSH_SECONDS = None
