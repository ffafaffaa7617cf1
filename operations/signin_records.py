"""Retention for staff sign-in records: django-axes keeps addresses, user agents and usernames of
every attempt, lockout and sign-in, and would keep them for ever."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.utils import timezone

SIGNIN_RECORD_MODELS = (AccessAttempt, AccessLog, AccessFailureLog)


def signin_records_prune(*, older_than_days: int, dry_run: bool = False) -> dict[str, int]:
    """Delete every axes record made more than `older_than_days` ago; return how many of each kind."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    counts = {}
    for model in SIGNIN_RECORD_MODELS:
        doomed = model.objects.filter(attempt_time__lt=cutoff)
        counts[str(model._meta.verbose_name_plural)] = (
            doomed.count() if dry_run else doomed.delete()[1].get(model._meta.label, 0)
        )
    return counts
