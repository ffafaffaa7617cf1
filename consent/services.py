"""Writing consent: record a choice, and put it (and the visitor's preferences) into cookies."""

import logging
from datetime import datetime, timedelta

from django import db
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone

from consent import state
from consent.models import ConsentRecord
from consent.preferences import Preferences
from consent.registry import CONSENT_COOKIE, PREFERENCES_COOKIE

logger = logging.getLogger(__name__)


def cookie_set(
    response: HttpResponse, name: str, value: str, *, max_age: int | None = None, expires: datetime | None = None
) -> None:
    """Every cookie of ours: HttpOnly, SameSite=Lax, Secure in production."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        expires=expires,
        secure=settings.CONSENT_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def consent_choose(*, previous: state.Consent, accepted: set[str], source: str) -> state.Consent:
    """Make and record a choice. The caller stores it with `consent_cookie_set`.

    The visitor's choice is honoured even when the database cannot record it: the cookie is what
    the site obeys, and the missing record is logged."""
    consent = state.new_consent(accepted=accepted, previous=previous)
    try:
        with transaction.atomic():  # a failed write must not spoil a transaction around this one
            ConsentRecord.objects.create(
                consent_id=consent.consent_id,
                choices=sorted(consent.accepted),
                policy_version=consent.policy_version,
                source=source,
                created_at=consent.chosen_at,
            )
    except db.Error:
        logger.exception(
            "consent record not stored (consent id %s, choices %s); the cookie was set",
            consent.consent_id,
            ",".join(sorted(consent.accepted)) or "none",
        )
    return consent


def consent_cookie_set(response: HttpResponse, consent: state.Consent) -> None:
    cookie_set(response, CONSENT_COOKIE, state.encode(consent), max_age=settings.CONSENT_COOKIE_AGE)


def preferences_cookie_set(response: HttpResponse, preferences: Preferences) -> None:
    cookie_set(response, PREFERENCES_COOKIE, preferences.code, max_age=settings.CONSENT_COOKIE_AGE)


def consent_records_prune(*, older_than_days: int) -> int:
    """Delete consent records past the retention period; returns how many."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = ConsentRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
