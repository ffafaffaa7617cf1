"""Redis down: every form still works, limits still hold (per process), and the outage is logged."""

import logging

import pytest

from clinics.models import Inquiry
from consent.models import ConsentRecord
from feedback.models import PageFeedback

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"origin": "http://testserver"}


@pytest.fixture
def article(write_article):
    write_article("safety/risks.md", topic="safety", title="Risks")
    return "/articles/risks/"


def test_inquiry_is_stored_and_the_visitor_thanked(redis_down, post_inquiry, client, caplog):
    caplog.set_level(logging.WARNING, logger="core.cache_fallback")
    response = post_inquiry()
    assert response.status_code == 302 and response["Location"].startswith("/find-a-clinic/thanks/")
    assert Inquiry.objects.get().name == "Jordan Rivera"
    assert client.get(response["Location"]).status_code == 200
    assert "cache unavailable for rate limit (ConnectionError)" in caplog.text


def test_the_inquiry_limit_still_holds_in_this_process(redis_down, post_inquiry, settings):
    settings.INQUIRY_RATE_LIMIT = "2/h"
    assert [post_inquiry().status_code for _ in range(3)] == [302, 302, 429]
    assert Inquiry.objects.count() == 2


def test_feedback_consent_and_preferences_keep_working(redis_down, client, article):
    feedback = client.post("/feedback/", {"article": "risks", "helpful": "yes", "comment": ""}, headers=SAME_ORIGIN)
    assert feedback.status_code == 303 and PageFeedback.objects.count() == 1
    choice = client.post("/cookies/choose/", {"choice": "accept", "next": article}, headers=SAME_ORIGIN)
    assert choice.status_code == 302 and "consent" in choice.cookies
    preferences = client.post("/preferences/", {"theme": "dark", "large_text": "on"})
    assert preferences.status_code == 302 and "prefs" in preferences.cookies
    assert ConsentRecord.objects.count() == 1
    assert client.get(article).status_code == 200


def test_readiness_names_the_cache(redis_down, client, article):
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["cache"] == "fail"
