"""Honeypot, timing token and rate limit: a refused post stores nothing and says why, politely."""

import pytest
from django.core import signing

from clinics.antiabuse import SALT
from clinics.models import Inquiry
from tests.conftest import shown_seconds_ago

pytestmark = pytest.mark.django_db


def form_errors(response) -> list[str]:
    return list(response.context["form"].non_field_errors())


def test_filled_honeypot_is_refused_and_nothing_is_stored(post_inquiry):
    response = post_inquiry(homepage="http://spam.example")
    assert response.status_code == 200
    assert "Leave this box empty" in form_errors(response)[0]
    assert Inquiry.objects.count() == 0


def test_post_sooner_than_the_minimum_is_refused_with_answers_kept(post_inquiry, settings):
    settings.INQUIRY_MIN_SECONDS = 3
    response = post_inquiry(form_token=shown_seconds_ago(1))
    assert response.status_code == 200
    assert form_errors(response) == ["That was quicker than we expected. Check your answers, then send the form again."]
    assert 'value="Jordan Rivera"' in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_refused_form_comes_back_with_a_fresh_token_that_then_works(post_inquiry, settings):
    settings.INQUIRY_MIN_SECONDS = 3
    refused = post_inquiry(form_token=shown_seconds_ago(1))
    fresh = refused.context["form_token"]
    assert signing.loads(fresh, salt=SALT)["shown_at"] > signing.loads(shown_seconds_ago(1), salt=SALT)["shown_at"]
    settings.INQUIRY_MIN_SECONDS = 0
    assert post_inquiry(form_token=fresh).status_code == 302


def test_expired_form_is_refused_with_answers_kept(post_inquiry, settings):
    settings.INQUIRY_MAX_SECONDS = 600
    response = post_inquiry(form_token=shown_seconds_ago(601))
    assert "open for a long time" in form_errors(response)[0]
    assert Inquiry.objects.count() == 0
    assert post_inquiry(form_token=shown_seconds_ago(599)).status_code == 302


@pytest.mark.parametrize(
    "token",
    ["", "garbage", signing.dumps(1.0, salt="some.other.salt"), signing.dumps("not a time", salt=SALT)],
)
def test_missing_or_forged_token_is_refused(post_inquiry, token):
    response = post_inquiry(form_token=token)
    assert form_errors(response) == ["Something went wrong with this form. Check your answers and send it again."]
    assert Inquiry.objects.count() == 0


def test_post_without_csrf_token_is_refused(answers):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/find-a-clinic/", answers)
    assert response.status_code == 403
    assert Inquiry.objects.count() == 0


def test_rate_limit_refuses_the_post_over_the_limit_with_a_friendly_429(post_inquiry, settings):
    settings.INQUIRY_RATE_LIMIT = "2/h"
    assert post_inquiry().status_code == 302
    assert post_inquiry().status_code == 302
    refused = post_inquiry()
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3601
    assert b"We have had several requests from you already" in refused.content
    assert Inquiry.objects.count() == 2


def fresh(answers: dict) -> dict:
    """The answers as a freshly loaded form sends them (each token is good for one inquiry)."""
    return {**answers, "form_token": shown_seconds_ago(10)}


def test_rate_limit_counts_each_client_separately(client, answers, settings):
    settings.INQUIRY_RATE_LIMIT = "1/h"
    assert client.post("/find-a-clinic/", fresh(answers), REMOTE_ADDR="192.0.2.1").status_code == 302
    assert client.post("/find-a-clinic/", fresh(answers), REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post("/find-a-clinic/", fresh(answers), REMOTE_ADDR="192.0.2.2").status_code == 302


def test_forged_forwarded_for_header_does_not_escape_the_limit_by_default(client, answers, settings):
    settings.INQUIRY_RATE_LIMIT = "1/h"
    assert client.post("/find-a-clinic/", fresh(answers), HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert client.post("/find-a-clinic/", fresh(answers), HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_invalid_posts_do_not_use_up_the_limit(post_inquiry, settings):
    settings.INQUIRY_RATE_LIMIT = "1/h"
    for _ in range(3):
        assert post_inquiry(email="typo").status_code == 200
    assert post_inquiry().status_code == 302


REPLAYED = (
    "We have already received this form. If you meant to send another request, check your answers and send it again."
)


def test_a_form_posted_seven_times_is_stored_once_and_the_replays_keep_what_was_typed(post_inquiry, answers):
    assert post_inquiry(form_token=answers["form_token"]).status_code == 302
    for _ in range(6):
        replay = post_inquiry(form_token=answers["form_token"])
        assert replay.status_code == 200
        assert form_errors(replay) == [REPLAYED]
        assert replay.context["form"]["name"].value() == answers["name"]
        assert replay.context["form_token"] != answers["form_token"]
    assert Inquiry.objects.count() == 1


def test_the_fresh_token_of_a_refused_replay_sends_the_form(post_inquiry, settings):
    settings.INQUIRY_MIN_SECONDS = 0
    token = shown_seconds_ago(10)
    post_inquiry(form_token=token)
    fresh = post_inquiry(form_token=token).context["form_token"]
    assert post_inquiry(form_token=fresh).status_code == 302
    assert Inquiry.objects.count() == 2


def test_a_token_from_before_single_use_tokens_is_refused_politely(post_inquiry):
    response = post_inquiry(form_token=signing.dumps(1_700_000_000.0, salt=SALT))
    assert form_errors(response) == ["Something went wrong with this form. Check your answers and send it again."]


def test_a_replay_that_races_past_the_forms_check_is_refused_with_answers_kept(post_inquiry, answers, monkeypatch):
    """Another worker stores the same token between this post's check and its insert."""
    assert post_inquiry(form_token=answers["form_token"]).status_code == 302
    monkeypatch.setattr("clinics.forms.inquiry_token_used", lambda nonce: False)
    replay = post_inquiry(form_token=answers["form_token"])
    assert replay.status_code == 200 and form_errors(replay) == [REPLAYED]
    assert replay.context["form"]["email"].value() == answers["email"]
    assert Inquiry.objects.count() == 1
