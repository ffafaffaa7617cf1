"""Fixtures for the clinic tests: staff users and stored inquiries (valid answers are in tests/conftest.py)."""

import pytest
from django.contrib.auth.models import Group

from clinics.models import Inquiry


@pytest.fixture
def clinic_staff(django_user_model):
    user = django_user_model.objects.create_user("casey", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Clinic staff"))
    return user


@pytest.fixture
def staff_client(client, clinic_staff):
    client.force_login(clinic_staff)
    return client


@pytest.fixture
def make_inquiry(db):
    """make_inquiry(status=...) stores an inquiry with plausible answers, the given fields changed."""

    def make(**fields) -> Inquiry:
        values = {
            "reference": "AAAA-0001",
            "name": "Sam Lee",
            "email": "sam@example.com",
            "location": "Leeds",
            "country": "United Kingdom",
            "topic": "ptsd",
            "is_adult": True,
            "consent_to_contact": True,
            "privacy_policy_version": "2026-01",
            **fields,
        }
        return Inquiry.objects.create(**values)

    return make
