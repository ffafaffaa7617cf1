"""inquiry_create: a reference collision (one in a trillion) is retried, never stored twice."""

import itertools

import pytest
from django.db import IntegrityError

from clinics import services
from clinics.models import Inquiry

pytestmark = pytest.mark.django_db

FIELDS = {
    "name": "Ana",
    "email": "ana@example.com",
    "location": "Austin",
    "country": "United States",
    "topic": "anxiety",
    "is_adult": True,
    "consent_to_contact": True,
}


def test_a_colliding_reference_is_replaced_by_a_fresh_one(monkeypatch, make_inquiry):
    make_inquiry(reference="TAKE-N000")
    references = iter(["TAKE-N000", "FREE-0001"])
    monkeypatch.setattr(services, "new_reference", lambda: next(references))
    inquiry = services.inquiry_create(fields=FIELDS, site_root="https://example.org/")
    assert inquiry.reference == "FREE-0001"
    assert Inquiry.objects.count() == 2


def test_endless_collisions_give_up_after_a_few_tries(monkeypatch, make_inquiry):
    make_inquiry(reference="TAKE-N000")
    calls = itertools.count(1)
    monkeypatch.setattr(services, "new_reference", lambda: next(calls) and "TAKE-N000")
    with pytest.raises(IntegrityError):
        services.inquiry_create(fields=FIELDS, site_root="https://example.org/")
    assert next(calls) == services.REFERENCE_ATTEMPTS + 1
    assert Inquiry.objects.count() == 1


def test_a_token_used_by_another_worker_meanwhile_is_refused_by_the_database():
    """Two workers may both pass the form's check; the unique nonce lets only one inquiry in."""
    services.inquiry_create(fields={**FIELDS, "form_nonce": "same-nonce"}, site_root="https://example.org/")
    with pytest.raises(services.FormAlreadySentError):
        services.inquiry_create(fields={**FIELDS, "form_nonce": "same-nonce"}, site_root="https://example.org/")
    assert Inquiry.objects.count() == 1
