"""Fixtures for the find-a-clinic tests: valid answers, a helper that posts them, staff users."""

import time

import pytest
from django.contrib.auth.models import Group

from clinics.antiabuse import form_token_issue

FORM_URL = "/find-a-clinic/"


def shown_seconds_ago(seconds: float) -> str:
    return form_token_issue(now=time.time() - seconds)


@pytest.fixture
def answers() -> dict:
    """A complete, valid set of answers, as the browser would post them (the form shown 10 s ago)."""
    return {
        "name": "Jordan Rivera",
        "email": "jordan@example.com",
        "phone": "212 555 0123",
        "preferred_contact": "email",
        "location": "10001",
        "us_state": "NY",
        "country": "United States",
        "topic": "trd",
        "message": "Evenings are best.",
        "is_adult": "on",
        "consent_to_contact": "on",
        "homepage": "",
        "form_token": shown_seconds_ago(10),
        "source_path": "/articles/how-it-works/",
    }


@pytest.fixture
def post_inquiry(client, answers):
    """post_inquiry(email="x") posts the valid answers with some changed (None drops a field), each time
    as a freshly loaded form (a token is single-use) unless `form_token` is given."""

    def post(**changes):
        data = {**answers, "form_token": shown_seconds_ago(10), **changes}
        return client.post(FORM_URL, {key: value for key, value in data.items() if value is not None})

    return post


@pytest.fixture
def clinic_staff(django_user_model):
    user = django_user_model.objects.create_user("casey", password="a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Clinic staff"))
    return user


@pytest.fixture
def staff_client(client, clinic_staff):
    client.force_login(clinic_staff)
    return client
