"""The pages a visitor sees: the form, Post/Redirect/Get to the thank-you page, the privacy notice."""

import re

import pytest
from django.core import signing

from clinics.models import Inquiry, Status
from clinics.views import THANKS_SALT

pytestmark = pytest.mark.django_db


def h1_count(response) -> int:
    return len(re.findall(rb"<h1[\s>]", response.content))


@pytest.mark.parametrize("url", ["/find-a-clinic/", "/privacy/"])
def test_pages_answer_with_exactly_one_h1_and_no_inline_script_or_style(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert h1_count(response) == 1
    inline_scripts = re.findall(rb"<script(?![^>]*\ssrc=)[^>]*>", response.content)
    assert inline_scripts == [] and b"style=" not in response.content


def test_form_page_says_what_happens_who_sees_it_how_long_and_shows_crisis_help(client, settings):
    settings.INQUIRY_RETENTION_DAYS = 90
    html = client.get("/find-a-clinic/").content.decode()
    assert "What happens next" in html
    assert "Only our clinic staff see what you send" in html
    assert "delete it 90 days after your request is closed" in html
    assert 'href="tel:988"' in html and "If you need help now" in html
    assert 'href="/privacy/"' in html
    assert "Please do not include medical details" in html
    assert 'name="csrfmiddlewaretoken"' in html and 'name="form_token"' in html


def test_every_visible_control_has_a_label(client):
    html = client.get("/find-a-clinic/").content.decode()
    ids = set(re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\sid="([^"]+)"', html))
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    assert ids and ids <= labelled


def test_valid_post_is_stored_and_redirects_to_a_thank_you_page_with_the_reference(client, post_inquiry, settings):
    settings.PRIVACY_POLICY_VERSION = "2026-03"
    response = post_inquiry()
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and h1_count(thanks) == 1
    assert inquiry.reference in thanks.content.decode()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", inquiry.reference)
    assert (inquiry.name, inquiry.email, inquiry.topic, inquiry.us_state) == (
        "Jordan Rivera",
        "jordan@example.com",
        "trd",
        "NY",
    )
    assert inquiry.is_adult and inquiry.consent_to_contact
    assert inquiry.privacy_policy_version == "2026-03"
    assert inquiry.status == Status.NEW and inquiry.assigned_to is None
    assert inquiry.source_path == "/articles/how-it-works/"


def test_pages_with_personal_tokens_or_answers_are_never_cached(client, post_inquiry):
    for response in [client.get("/find-a-clinic/"), post_inquiry(email="bad"), client.get(post_inquiry()["Location"])]:
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_inquiry_stores_no_ip_address(post_inquiry):
    post_inquiry()
    stored = " ".join(str(value) for value in Inquiry.objects.values().get().values())
    assert "127.0.0.1" not in stored


def test_thank_you_page_refuses_references_we_did_not_sign(client):
    forged = signing.dumps("FAKE-0000", salt="another.salt")
    assert client.get(f"/find-a-clinic/thanks/{forged}/").status_code == 404
    genuine = signing.dumps("ABCD-1234", salt=THANKS_SALT)
    assert b"ABCD-1234" in client.get(f"/find-a-clinic/thanks/{genuine}/").content


@pytest.mark.parametrize(
    ("referer", "expected"),
    [
        ("http://testserver/articles/ketamine-basics/?q=my+name", "/articles/ketamine-basics/"),
        ("https://elsewhere.example/articles/", ""),
        ("", ""),
    ],
)
def test_form_remembers_the_page_the_visitor_came_from_on_this_site_only(client, referer, expected):
    response = client.get("/find-a-clinic/", HTTP_REFERER=referer)
    assert response.context["form"]["source_path"].value() == expected


@pytest.mark.parametrize(
    ("posted", "stored"),
    [("//evil.example/x", ""), ("javascript:alert(1)", ""), ("/topics/safety/?email=me", "/topics/safety/")],
)
def test_posted_source_path_is_kept_only_when_it_is_a_local_path(post_inquiry, posted, stored):
    assert post_inquiry(source_path=posted).status_code == 302
    assert Inquiry.objects.get().source_path == stored


def test_privacy_notice_explains_collection_access_retention_and_deletion(client, settings):
    settings.PRIVACY_POLICY_VERSION = "2026-03"
    settings.INQUIRY_RETENTION_DAYS = 120
    settings.PRIVACY_CONTACT_EMAIL = ""
    html = client.get("/privacy/").content.decode()
    assert "Version 2026-03" in html
    for heading in ["What we collect", "Who sees it", "How long we keep it", "deleting your details"]:
        assert heading in html
    assert "we delete it 120 days later" in html
    assert "mailto:" not in html
    settings.PRIVACY_CONTACT_EMAIL = "privacy@example.org"
    assert 'href="mailto:privacy@example.org"' in client.get("/privacy/").content.decode()
