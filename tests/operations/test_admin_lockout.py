"""Repeated wrong passwords lock that sign-in out for a cool-off period (django-axes)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-correct-password-1"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


def sign_in(client, password):
    return client.post(f"/{settings.ADMIN_PATH}login/", {"username": "editor", "password": password})


def test_admin_lives_at_the_configured_path(client):
    assert settings.ADMIN_PATH == "admin/"  # tests run with the default
    assert client.get("/admin/login/").status_code == 200


def test_correct_password_signs_in(client, staff):
    assert sign_in(client, PASSWORD).status_code == 302


def test_too_many_wrong_passwords_lock_out_even_the_right_one(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with an error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert b"Too many sign-in attempts" in locked.content
    assert sign_in(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_ends_after_the_cool_off(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert sign_in(client, PASSWORD).status_code == 302


def test_lockout_is_per_address(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    elsewhere = client.post(
        f"/{settings.ADMIN_PATH}login/", {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.7"
    )
    assert elsewhere.status_code == 302
