"""Memoized public pages must never leak one visitor state's page to another."""

import pytest
from django.test import Client

from consent.middleware import page_variant
from consent.preferences import Preferences
from consent.state import NO_CHOICE, NO_CHOICE_GPC, Consent
from tests.conftest import ARTICLE_URL, SAME_ORIGIN

pytestmark = pytest.mark.django_db

BANNER = b"Cookies on this site"


def chosen_visitor() -> Client:
    visitor = Client()
    visitor.post("/cookies/choose/", {"choice": "reject", "next": "/"}, **SAME_ORIGIN)
    return visitor


@pytest.mark.parametrize("url", ["/", ARTICLE_URL])
def test_a_chosen_visitor_never_gets_the_first_visit_page_and_vice_versa(article, url):
    first_time, chosen = Client(), chosen_visitor()
    assert BANNER in first_time.get(url).content  # memoized with the banner
    assert BANNER not in chosen.get(url).content
    assert BANNER in Client().get(url).content  # and the banner-less page did not replace it
    assert BANNER not in chosen_visitor().get(url).content


def test_the_memo_keeps_gpc_and_preference_pages_apart(article, give_consent, client):
    plain = Client().get(ARTICLE_URL).content
    gpc = Client().get(ARTICLE_URL, HTTP_SEC_GPC="1").content
    assert b"Global Privacy Control" in gpc and b"Global Privacy Control" not in plain
    give_consent({"preferences"})
    client.cookies["prefs"] = "dark.l"
    assert b'class="theme-dark text-large"' in client.get(ARTICLE_URL).content
    assert b"theme-dark" not in Client().get(ARTICLE_URL).content


@pytest.mark.parametrize(
    ("consent", "preferences", "variant"),
    [
        (NO_CHOICE, Preferences(), ""),
        (NO_CHOICE_GPC, Preferences(), "gpc"),
        (Consent(chosen=True), Preferences(), "c"),
        (Consent(chosen=True, accepted=frozenset({"external_media"})), Preferences(), "cm"),
        (Consent(chosen=True, accepted=frozenset({"preferences"})), Preferences("dark", True), "c.dark.l"),
        (Consent(chosen=True, accepted=frozenset({"statistics"})), Preferences(), "c"),  # no visible difference
    ],
)
def test_page_variant_names_every_visible_difference(consent, preferences, variant):
    assert page_variant(consent, preferences) == variant
