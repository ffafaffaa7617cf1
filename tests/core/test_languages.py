"""The page's language comes from its address alone; a remembered language needs preference cookies."""

import re

import pytest
from django.utils import translation

from core.languages import LANGUAGE_COOKIE

pytestmark = pytest.mark.django_db


@pytest.fixture
def both_editions(write_article):
    write_article("mechanism/how-it-works.md")
    write_article(
        "es/mechanism/como-actua.md", title="Cómo actúa la ketamina", summary="Resumen.", translation_of="how-it-works"
    )


def test_accept_language_never_changes_the_page_or_splits_caches(both_editions, client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert response["Content-Language"] == "en"
    assert "Accept-Language" not in response.get("Vary", "")


def test_the_address_decides_the_language(both_editions, client):
    response = client.get("/es/", HTTP_ACCEPT_LANGUAGE="en-US")
    html = response.content.decode()
    assert response["Content-Language"] == "es"
    assert '<html lang="es"' in html and "¿Necesita ayuda ahora?" in html
    assert "Need help now?" not in html


def test_the_request_language_does_not_leak_into_the_thread(both_editions, client):
    with translation.override("en"):
        client.get("/es/")
        assert translation.get_language() == "en"


def test_memoized_pages_keep_the_languages_apart(both_editions, client):
    for _ in range(2):  # the second round is served from the page memo
        assert '<html lang="es"' in client.get("/es/").content.decode()
        assert '<html lang="en"' in client.get("/").content.decode()


def test_without_preference_cookies_nothing_is_remembered(both_editions, client, give_consent):
    give_consent({"statistics"})
    response = client.get("/es/articulos/como-actua/")
    assert LANGUAGE_COOKIE not in response.cookies
    client.cookies[LANGUAGE_COOKIE] = "es"  # a cookie the site did not set counts for nothing
    assert client.get("/").status_code == 200


def test_with_preference_cookies_the_home_page_opens_in_the_last_language(both_editions, client, give_consent):
    give_consent({"preferences"})
    response = client.get("/es/articulos/como-actua/")
    assert response.cookies[LANGUAGE_COOKIE].value == "es"
    home = client.get("/")
    assert (home.status_code, home["Location"]) == (302, "/es/")
    assert "private" in home["Cache-Control"]
    # Reading an English page again forgets it: English is the default, so no cookie at all.
    response = client.get("/articles/how-it-works/")
    assert response.cookies[LANGUAGE_COOKIE]["max-age"] == 0
    assert client.get("/").status_code == 200


def test_a_first_visit_gets_no_language_cookie(both_editions, client):
    response = client.get("/es/articulos/como-actua/")
    assert not response.cookies
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("english", "spanish"), [("/", "/es/"), ("/articles/", "/es/articulos/"), ("/glossary/", "/es/glosario/")]
)
def test_pages_whose_address_only_differs_by_language_link_each_other(
    both_editions, client, settings, english, spanish
):
    expected = {
        "en": settings.SITE_URL + english,
        "es": settings.SITE_URL + spanish,
        "x-default": settings.SITE_URL + english,
    }
    for path in (english, spanish):
        html = client.get(path).content.decode()
        assert dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html)) == expected


def test_a_page_not_found_links_no_alternates_and_switches_to_the_other_home_page(both_editions, client):
    html = client.get("/es/articulos/no-existe/").content.decode()
    assert 'hreflang="en" href' not in html and '<html lang="es"' in html
    assert '<a href="/" hreflang="en" lang="en">Home page (English)</a>' in html
