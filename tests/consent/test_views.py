from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from consent.models import ConsentRecord
from consent.registry import cookies
from tests.conftest import ARTICLE_URL, SAME_ORIGIN, deleted_cookie_names, set_cookie_names

pytestmark = pytest.mark.django_db

BANNER = b"Cookies on this site"


def choose(client, choice, next_url=ARTICLE_URL, **headers):
    return client.post("/cookies/choose/", {"choice": choice, "next": next_url}, **(headers or SAME_ORIGIN))


def test_accept_all_stores_a_signed_lax_httponly_cookie_records_it_and_goes_back(client, article, settings):
    response = choose(client, "accept")
    assert response.status_code == 302 and response["Location"] == ARTICLE_URL
    cookie = response.cookies["consent"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["secure"]
    assert cookie["max-age"] == settings.CONSENT_COOKIE_AGE == 182 * 86400
    record = ConsentRecord.objects.get()
    assert record.choices == ["external_media", "preferences", "statistics"]
    assert record.source == "banner" and record.policy_version == settings.CONSENT_POLICY_VERSION
    # The evidence of a choice holds no address, user agent or anything else that names the visitor.
    assert {field.name for field in ConsentRecord._meta.get_fields()} == {
        "id", "consent_id", "choices", "policy_version", "source", "created_at"
    }  # fmt: skip
    assert BANNER not in client.get(ARTICLE_URL).content


def test_reject_keeps_optional_categories_off(client, article):
    choose(client, "reject")
    assert ConsentRecord.objects.get().choices == []
    page = client.get(ARTICLE_URL)
    assert BANNER not in page.content and not set_cookie_names(page)


def test_reject_under_gpc_is_recorded_as_gpc(client, article):
    choose(client, "reject", HTTP_ORIGIN="http://testserver", HTTP_SEC_GPC="1")
    assert ConsentRecord.objects.get().source == "gpc"


def test_changing_a_choice_keeps_the_consent_id_and_adds_a_record(client, article):
    choose(client, "accept")
    choose(client, "reject")
    first, second = ConsentRecord.objects.order_by("id")
    assert first.consent_id == second.consent_id and len(first.consent_id) == 32


def test_script_gets_json_instead_of_a_redirect(client, article):
    response = choose(client, "reject", HTTP_ORIGIN="http://testserver", HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json() == {"saved": True, "accepted": []}
    assert "consent" in response.cookies


def test_the_choice_needs_no_csrf_token(article):
    strict = Client(enforce_csrf_checks=True)
    assert choose(strict, "accept").status_code == 302


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "http://testserver.evil.example"},
        {"HTTP_ORIGIN": "https://testserver"},  # another scheme is another origin
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_ORIGIN": "null", "HTTP_REFERER": "https://evil.example/"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_REFERER": "http://testserver/"},
        {"HTTP_X_NOTHING": "no origin and no referer"},
    ],
)
def test_a_forged_cross_site_choice_is_refused(client, article, headers):
    response = choose(client, "accept", **headers)
    assert response.status_code == 403
    assert b"did not come from a page of this site" in response.content
    assert "consent" not in response.cookies
    assert not ConsentRecord.objects.exists()


def test_referer_from_this_site_is_enough_when_origin_is_missing(client, article):
    assert choose(client, "accept", HTTP_REFERER=f"http://testserver{ARTICLE_URL}").status_code == 302


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "/\\evil.example", "http://testserver@evil.example/", ""]
)
def test_next_pointing_off_site_is_refused(client, article, next_url):
    response = choose(client, "reject", next_url=next_url)
    assert response.status_code == 302 and response["Location"] == "/"


def test_unknown_choice_gets_a_clear_answer(client, article):
    response = choose(client, "everything")
    assert response.status_code == 400 and b"Unknown cookie choice" in response.content
    assert not ConsentRecord.objects.exists()


def test_settings_page_lists_every_cookie_with_category_purpose_and_lifetime(client):
    html = client.get("/cookies/").content.decode()
    for cookie in cookies():
        assert f"<code>{cookie.name}</code>" in html
        assert str(cookie.purpose) in html and str(cookie.lifetime) in html
    assert "182 days" in html
    assert html.count('type="checkbox"') == 3 and " checked" not in html  # switches off by default


def test_choose_flow_turns_on_only_what_was_switched_on(client, article):
    page = client.get(f"/cookies/?next={ARTICLE_URL}")
    assert f'name="next" value="{ARTICLE_URL}"' in page.content.decode()
    response = client.post("/cookies/", {"statistics": "on", "next": ARTICLE_URL})
    assert response.status_code == 302 and response["Location"] == ARTICLE_URL
    record = ConsentRecord.objects.get()
    assert record.choices == ["statistics"] and record.source == "settings"
    assert 'name="statistics" id="id_statistics" checked' in client.get("/cookies/").content.decode()


def test_settings_without_next_confirm_on_the_page(client):
    response = client.post("/cookies/", {"preferences": "on"}, follow=True)
    assert b"Your choices are saved" in response.content


def test_withdrawing_a_category_deletes_its_cookies(client, article, give_consent):
    give_consent({"preferences", "statistics"})
    client.cookies["prefs"] = "dark.n"
    client.get(ARTICLE_URL)  # statistics consent: gets a visitor id
    assert "visitor_id" in client.cookies and client.cookies["visitor_id"].value
    response = client.post("/cookies/", {"preferences": "on"})
    assert deleted_cookie_names(response) == {"visitor_id"}
    del client.cookies["visitor_id"]  # as a browser does with a cookie whose max-age is 0
    response = client.post("/cookies/", {})
    assert deleted_cookie_names(response) == {"prefs"}


def test_preferences_need_consent_before_they_are_remembered(client, article):
    response = client.post("/preferences/", {"theme": "dark", "large_text": "on"})
    assert response.status_code == 200 and b"only apply reading preferences by remembering" in response.content
    assert set_cookie_names(response) == {"csrftoken"} and not ConsentRecord.objects.exists()

    response = client.post("/preferences/", {"theme": "dark", "large_text": "on", "remember": "on"})
    assert response.status_code == 302
    assert response.cookies["prefs"].value == "dark.l"
    assert ConsentRecord.objects.get().choices == ["preferences"]
    assert b'<html lang="en" class="theme-dark text-large">' in client.get(ARTICLE_URL).content


def test_preferences_with_consent_need_no_extra_tick(client, article, give_consent):
    give_consent({"preferences"})
    page = client.get("/preferences/").content.decode()
    assert 'name="remember"' not in page
    response = client.post("/preferences/", {"theme": "light"})
    assert response.cookies["prefs"].value == "light.n"
    assert b'<html lang="en" class="theme-light">' in client.get(ARTICLE_URL).content


def test_a_forged_preferences_cookie_is_ignored(client, article, give_consent):
    give_consent({"preferences"})
    client.cookies["prefs"] = '" onload="alert(1)'
    assert b'<html lang="en">' in client.get(ARTICLE_URL).content


def test_footer_links_to_cookie_settings(client, article):
    assert b'<a href="/cookies/">Cookie settings</a>' in client.get(ARTICLE_URL).content


def test_prune_deletes_only_records_past_retention(settings):
    old = ConsentRecord.objects.create(
        consent_id="a" * 32,
        choices=[],
        policy_version=1,
        source="banner",
        created_at=timezone.now() - timedelta(days=40),
    )
    recent = ConsentRecord.objects.create(
        consent_id="b" * 32, choices=[], policy_version=1, source="banner", created_at=timezone.now()
    )
    call_command("prune_consent_records", "--days", "30")
    assert list(ConsentRecord.objects.all()) == [recent]
    assert not ConsentRecord.objects.filter(pk=old.pk).exists()


def test_consent_records_are_read_only_in_the_admin(client, django_user_model):
    ConsentRecord.objects.create(
        consent_id="c" * 32, choices=["statistics"], policy_version=1, source="settings", created_at=timezone.now()
    )
    staff = django_user_model.objects.create_superuser("admin", password="a-long-password-1")
    client.force_login(staff)
    listing = client.get("/admin/consent/consentrecord/")
    assert listing.status_code == 200 and b"c" * 32 in listing.content
    assert client.get("/admin/consent/consentrecord/add/").status_code == 403


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/cookies/choose/", {"choice": "accept", "next": ARTICLE_URL}),
        ("/cookies/", {"statistics": "on"}),
        ("/preferences/", {"theme": "dark", "remember": "on"}),
    ],
)
def test_cookie_choices_are_rate_limited_and_the_refusal_says_so(client, article, settings, url, data):
    settings.CONSENT_RATE_LIMIT = "3/h"
    for _ in range(3):
        assert client.post(url, data, **SAME_ORIGIN).status_code == 302
    records = ConsentRecord.objects.count()
    refused = client.post(url, data, **SAME_ORIGIN)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3601
    assert b"This choice was not saved" in refused.content
    assert "consent" not in refused.cookies and "prefs" not in refused.cookies
    assert ConsentRecord.objects.count() == records


def test_the_cookie_choice_limit_is_shared_by_the_three_forms_and_per_client(client, article, settings):
    settings.CONSENT_RATE_LIMIT = "2/h"
    assert choose(client, "accept").status_code == 302
    assert client.post("/cookies/", {"statistics": "on"}).status_code == 302
    assert client.post("/preferences/", {"theme": "dark", "remember": "on"}).status_code == 429
    assert Client().post("/cookies/", {"statistics": "on"}, REMOTE_ADDR="192.0.2.8").status_code == 302
