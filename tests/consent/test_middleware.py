import logging

import pytest

from consent.registry import NECESSARY, categories_by_name
from tests.conftest import ARTICLE_URL, deleted_cookie_names, set_cookie_names

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/articles/", ARTICLE_URL, "/topics/mechanism/", "/tags/glutamate/", "/nowhere"]


@pytest.mark.parametrize("url", [*PUBLIC_PAGES, "/cookies/", "/preferences/"])
def test_no_non_essential_cookie_before_consent_on_any_page_type(client, article, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    assert all(categories_by_name()[name] == NECESSARY for name in response.cookies)


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_first_visit_to_a_public_page_sets_no_cookie_at_all(client, article, url):
    assert not client.get(url).cookies


def test_banner_shows_until_the_visitor_chooses(client, article, give_consent):
    assert b"Cookies on this site" in client.get(ARTICLE_URL).content
    give_consent(set())
    assert b"Cookies on this site" not in client.get(ARTICLE_URL).content


@pytest.mark.urls("tests.consent.cookie_views")
def test_statistics_cookie_from_a_view_is_stripped_without_consent(client, give_consent):
    assert "visitor_id" not in client.get("/test/statistics-cookie/").cookies
    give_consent({"preferences"})
    assert "visitor_id" not in client.get("/test/statistics-cookie/").cookies
    give_consent({"statistics"})
    assert "visitor_id" in set_cookie_names(client.get("/test/statistics-cookie/"))


@pytest.mark.urls("tests.consent.cookie_views")
def test_cookie_missing_from_the_registry_is_stripped_and_logged(client, give_consent, caplog):
    give_consent({"preferences", "statistics", "external_media"})
    with caplog.at_level(logging.WARNING, logger="consent.middleware"):
        response = client.get("/test/unregistered-cookie/")
    assert "tracker" not in response.cookies
    assert [record.getMessage() for record in caplog.records] == [
        "consent: removed cookie 'tracker' that is not in the registry"
    ]


@pytest.mark.urls("tests.consent.cookie_views")
def test_deleting_a_cookie_missing_from_the_registry_reaches_the_browser(client, give_consent):
    give_consent({"preferences"})
    client.cookies["tracker"] = "abc"
    assert deleted_cookie_names(client.get("/test/delete-unregistered/")) == {"tracker"}


def test_policy_version_bump_asks_again_and_drops_old_optional_cookies(client, article, give_consent, settings):
    give_consent({"preferences", "statistics"})
    client.cookies["prefs"] = "dark.l"
    page = client.get(ARTICLE_URL)
    assert b"Cookies on this site" not in page.content and b'class="theme-dark text-large"' in page.content

    settings.CONSENT_POLICY_VERSION += 1
    page = client.get(ARTICLE_URL)
    assert b"Cookies on this site" in page.content
    assert b"theme-dark" not in page.content  # preferences need consent under the new policy
    assert "prefs" in deleted_cookie_names(page)


def test_tampered_consent_cookie_counts_as_no_choice(client, article, give_consent):
    give_consent({"statistics"})
    value = client.cookies["consent"].value
    client.cookies["consent"] = value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB")
    page = client.get(ARTICLE_URL)
    assert b"Cookies on this site" in page.content
    assert "visitor_id" not in page.cookies


def test_gpc_keeps_optional_categories_off_and_says_so(client, article):
    page = client.get(ARTICLE_URL, HTTP_SEC_GPC="1")
    html = page.content.decode()
    assert "Global Privacy Control" in html and "kept optional cookies off" in html
    assert not page.cookies


def test_an_explicit_choice_wins_over_gpc(client, article):
    response = client.post(
        "/cookies/choose/", {"choice": "accept", "next": ARTICLE_URL}, HTTP_ORIGIN="http://testserver", HTTP_SEC_GPC="1"
    )
    assert response.status_code == 302
    page = client.get(ARTICLE_URL, HTTP_SEC_GPC="1")
    assert b"Global Privacy Control" not in page.content
    assert "visitor_id" in set_cookie_names(page)


@pytest.mark.urls("tests.consent.cookie_views")
def test_a_deletion_does_not_let_the_cookies_after_it_through(client, give_consent):
    give_consent({"preferences"})
    response = client.get("/test/delete-then-set/")
    assert "prefs" in deleted_cookie_names(response)
    assert not {"visitor_id", "tracker"} & set_cookie_names(response)
