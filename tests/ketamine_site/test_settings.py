"""The settings module read with a given environment, in a fresh interpreter, as production would start."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "ketamine_site.settings",
    "DJANGO_SECRET_KEY": "settings-test-only-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "guide.example",
}
SHOW = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: getattr(settings, name) for name in %r}, default=str))
"""


def read_settings(*names: str, **env: str) -> dict:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL", "DATABASE_"))}
    environment.update({**PRODUCTION, **env})
    environment = {k: v for k, v in environment.items() if v is not None}
    result = subprocess.run(
        [sys.executable, "-c", SHOW % (names,)], cwd=REPO, env=environment, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(result.stderr.strip().splitlines()[-1])
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_defaults():
    values = read_settings(
        "DEBUG", "SECURE_PROXY_SSL_HEADER", "SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS", "ADMIN_PATH", "CACHES",
    )  # fmt: skip
    assert values["DEBUG"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] is None  # a client's X-Forwarded-Proto is not believed
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31536000
    assert values["ADMIN_PATH"] == "admin/"
    assert "LocMemCache" in values["CACHES"]["default"]["BACKEND"]


def test_proxy_header_and_redirect_are_opt_in():
    values = read_settings(
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_SSL_REDIRECT",
        DJANGO_TRUST_X_FORWARDED_PROTO="1",
        DJANGO_SECURE_SSL_REDIRECT="true",
    )
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_SSL_REDIRECT"] is True


def test_redis_url_selects_the_redis_cache():
    caches = read_settings("CACHES", REDIS_URL="redis://127.0.0.1:6379/3")["CACHES"]
    assert caches["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/3",
        # Short timeouts, so a stalled Redis costs a request half a second before the cache fails open.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }


@pytest.mark.parametrize(("given", "expected"), [("/staff-desk", "staff-desk/"), ("team/tools/", "team/tools/")])
def test_admin_path_is_normalised(given, expected):
    assert read_settings("ADMIN_PATH", DJANGO_ADMIN_PATH=given)["ADMIN_PATH"] == expected


@pytest.mark.parametrize("bad", ["/", "a/../b", "a//b"])
def test_nonsense_admin_path_refuses_to_start(bad):
    with pytest.raises(RuntimeError, match="DJANGO_ADMIN_PATH must be a path"):
        read_settings("ADMIN_PATH", DJANGO_ADMIN_PATH=bad)


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    with pytest.raises(RuntimeError, match=f"{missing} must be set"):
        read_settings("DEBUG", **{missing: None})
