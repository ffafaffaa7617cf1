"""Every page type answers with the full set of security headers; cookies are locked down."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "home": "/",
    "article list": "/articles/",
    "topic": "/topics/mechanism/",
    "article": "/articles/how-it-works/",
    "404": "/articles/no-such-article/",
    "healthz": "/healthz",
    "readyz": "/readyz",
    "stylesheet": "/static/css/site.css",
}


@pytest.fixture
def site(write_article):
    write_article("mechanism/how-it-works.md")


def csp_directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in policy.split(";") if part.strip())}


@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_every_page_type_sends_every_security_header(client, site, url):
    response = client.get(url, secure=True)
    assert response.status_code in (200, 404)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    if not url.startswith("/static/"):  # WhiteNoise answers above Django's clickjacking middleware
        assert response["X-Frame-Options"] == "DENY"  # for old browsers; frame-ancestors covers the rest
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    directives = csp_directives(response)
    assert directives["default-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["base-uri"] == ["'none'"]
    assert "frame-src" not in directives  # no frames at all unless a response widens the policy
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "http:" not in policy


@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_public_pages_set_no_cookies(client, site, url):
    assert not client.get(url).cookies


def test_hsts_is_only_sent_over_https(client, site):
    assert "Strict-Transport-Security" not in client.get("/")


def test_forwarded_proto_is_ignored_unless_trusted(client, site, settings):
    forwarded = {"X-Forwarded-Proto": "https"}
    assert "Strict-Transport-Security" not in client.get("/", headers=forwarded)
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert "Strict-Transport-Security" in client.get("/", headers=forwarded)


def test_admin_cookies_are_secure_httponly_and_samesite(client):
    response = client.get(f"/{settings.ADMIN_PATH}login/", secure=True)
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
