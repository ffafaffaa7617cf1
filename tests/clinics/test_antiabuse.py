"""Honeypot, timing token and rate limit: a refused post stores nothing and says why, politely."""

import pytest
from django.core import signing

from clinics.antiabuse import SALT
from clinics.models import Inquiry
from tests.clinics.conftest import shown_seconds_ago

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
    assert signing.loads(fresh, salt=SALT) > signing.loads(shown_seconds_ago(1), salt=SALT)
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


def test_rate_limit_counts_each_client_separately(client, answers, settings):
    settings.INQUIRY_RATE_LIMIT = "1/h"
    assert client.post("/find-a-clinic/", answers, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert client.post("/find-a-clinic/", answers, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post("/find-a-clinic/", answers, REMOTE_ADDR="192.0.2.2").status_code == 302


def test_forged_forwarded_for_header_does_not_escape_the_limit_by_default(client, answers, settings):
    settings.INQUIRY_RATE_LIMIT = "1/h"
    assert client.post("/find-a-clinic/", answers, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert client.post("/find-a-clinic/", answers, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_invalid_posts_do_not_use_up_the_limit(post_inquiry, settings):
    settings.INQUIRY_RATE_LIMIT = "1/h"
    for _ in range(3):
        assert post_inquiry(email="typo").status_code == 200
    assert post_inquiry().status_code == 302
