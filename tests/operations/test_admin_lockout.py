"""Repeated wrong passwords lock that sign-in out for a cool-off period (django-axes)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

from tests.conftest import run_manage

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-correct-password-1"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


def sign_in(client, password):
    return client.post(f"/{settings.ADMIN_PATH}login/", {"username": "editor", "password": password})


ADMIN_AT = (
    "from django.test import Client; from django.urls import reverse; visitor = Client(); "
    "print(reverse('admin:index'), visitor.get('/staff-desk-41/login/').status_code, "
    "visitor.get('/admin/login/').status_code)"
)


def test_admin_lives_at_the_configured_path():
    shown = run_manage(
        "shell", "-v", "0", "-c", ADMIN_AT, DJANGO_SETTINGS_MODULE="tests.settings", DJANGO_ADMIN_PATH="staff-desk-41/"
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[-1].split() == ["/staff-desk-41/", "200", "404"]  # after the 404 log line


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
