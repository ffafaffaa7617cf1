"""400, 403, 404 and 500 answer with our own friendly page, and leak nothing about the server."""

import re

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path

from ketamine_site import urls as site_urls

pytestmark = pytest.mark.django_db

SECRET = "postgres://admin:hunter2@db.internal"


def raise_permission_denied(request):
    raise PermissionDenied(SECRET)


def raise_suspicious(request):
    raise SuspiciousOperation(SECRET)


def raise_error(request):
    raise RuntimeError(SECRET)


# The site's URLs plus three views that fail on purpose; the error handlers are the site's own.
urlpatterns = [
    path("boom/403", raise_permission_denied),
    path("boom/400", raise_suspicious),
    path("boom/500", raise_error),
    *site_urls.urlpatterns,
]


def assert_leaks_nothing(response):
    html = response.content.decode()
    for leak in (SECRET, "hunter2", "Traceback", "RuntimeError", "DJANGO_SETTINGS", "DEBUG", "/work/", ".py"):
        assert leak not in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert 'href="/"' in html  # a way back


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    ("url", "status", "text"),
    [
        ("/boom/400", 400, "We could not understand that request"),
        ("/boom/403", 403, "You cannot open this page"),
        ("/no/such/page", 404, "We could not find that page"),
        ("/boom/500", 500, "Something went wrong on our side"),
    ],
)
def test_error_page_is_friendly_and_leaks_nothing(client, content_dir, url, status, text):
    response = client.get(url)
    assert response.status_code == status
    assert text in response.content.decode()
    assert_leaks_nothing(response)


def test_unknown_host_gets_the_plain_400_page(client, content_dir):
    response = client.get("/", headers={"host": "attacker.example"})
    assert response.status_code == 400
    assert b"We could not understand that request" in response.content
    assert b"attacker.example" not in response.content


def test_form_without_csrf_token_gets_our_403_page(content_dir, django_user_model):
    from django.conf import settings

    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/{settings.ADMIN_PATH}login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert b"Your form could not be sent" in response.content
    assert b"CSRF" not in response.content and b"Referer" not in response.content
