"""Staff sign-in records (django-axes: addresses, user agents, usernames) are kept for a limited time."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.utils import timezone

pytestmark = pytest.mark.django_db

MODELS = (AccessAttempt, AccessLog, AccessFailureLog)


def make_records(days_ago: int) -> None:
    fields = {"user_agent": f"Firefox {days_ago}", "ip_address": "203.0.113.9", "username": "ed", "http_accept": "*/*"}
    AccessAttempt.objects.create(**fields, path_info="/admin/login/", failures_since_start=1)
    AccessLog.objects.create(**fields, path_info="/admin/login/")
    AccessFailureLog.objects.create(**fields, path_info="/admin/login/")
    for model in MODELS:
        model.objects.filter(attempt_time__gt=timezone.now() - timedelta(minutes=1)).update(
            attempt_time=timezone.now() - timedelta(days=days_ago)
        )


def prune(*args: str) -> str:
    out = StringIO()
    call_command("prune_signin_records", *args, stdout=out)
    return out.getvalue()


def test_records_past_retention_are_deleted_and_recent_ones_kept(settings):
    settings.ADMIN_SIGNIN_RETENTION_DAYS = 30
    make_records(days_ago=31)
    make_records(days_ago=29)
    output = prune()
    assert "Deleted 3 sign-in records older than 30 days" in output
    for model in MODELS:
        assert model.objects.count() == 1, model
        assert model.objects.get().attempt_time > timezone.now() - timedelta(days=30)


def test_dry_run_counts_and_deletes_nothing(settings):
    make_records(days_ago=400)
    assert "Would delete 3 sign-in records older than 7 days" in prune("--older-than", "7", "--dry-run")
    assert all(model.objects.count() == 1 for model in MODELS)


def test_the_default_retention_is_a_setting(settings):
    assert settings.ADMIN_SIGNIN_RETENTION_DAYS == 90
