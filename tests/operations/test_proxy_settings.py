"""Behind the TLS proxy every request comes from the proxy: unless TRUSTED_PROXY_COUNT says so, every
visitor would share one rate-limit bucket and one admin lockout."""

import pytest
from django.conf import settings as django_settings

from operations.checks import check_proxy_settings
from tests.conftest import shown_seconds_ago

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"
PASSWORD = "a-long-correct-password-1"


def test_trusting_the_proxy_header_without_counting_the_proxy_is_warned(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 0
    [warning] = check_proxy_settings(None)
    assert warning.id == "operations.W001" and "TRUSTED_PROXY_COUNT" in warning.msg


@pytest.mark.parametrize(("header", "count"), [(None, 0), (("HTTP_X_FORWARDED_PROTO", "https"), 1)])
def test_consistent_proxy_settings_pass(settings, header, count):
    settings.SECURE_PROXY_SSL_HEADER, settings.TRUSTED_PROXY_COUNT = header, count
    assert check_proxy_settings(None) == []


def sign_in(client, visitor, password):
    return client.post(
        f"/{django_settings.ADMIN_PATH}login/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=visitor,
    )


def test_one_visitor_behind_the_proxy_cannot_lock_the_sign_in_for_everyone(client, settings, django_user_model):
    settings.TRUSTED_PROXY_COUNT = 1
    django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "203.0.113.9", "wrong")
    assert sign_in(client, "203.0.113.9", PASSWORD).status_code == 429
    assert sign_in(client, "198.51.100.7", PASSWORD).status_code == 302


def test_one_visitor_behind_the_proxy_cannot_switch_the_form_off_for_everyone(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.INQUIRY_RATE_LIMIT = "2/h"
    answers = {
        "name": "Jordan Rivera",
        "email": "jordan@example.com",
        "preferred_contact": "email",
        "location": "10001",
        "country": "United States",
        "topic": "trd",
        "is_adult": "on",
        "consent_to_contact": "on",
    }

    def post(visitor):
        data = {**answers, "form_token": shown_seconds_ago(10)}
        return client.post("/find-a-clinic/", data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor).status_code

    assert [post("203.0.113.9") for _ in range(3)] == [302, 302, 429]
    assert post("198.51.100.7") == 302


def test_a_mistyped_cookie_choice_rate_fails_the_system_check(settings):
    from operations.checks import check_rate_settings

    settings.CONSENT_RATE_LIMIT = "20 per hour"
    [error] = check_rate_settings(None)
    assert error.id == "operations.E002" and "CONSENT_RATE_LIMIT" in error.msg
