"""Fixtures for the consent tests: an article to visit, and a clean statistics buffer."""

import pytest
from django.http import HttpResponse

from consent import statistics
from consent.services import consent_cookie_set
from consent.state import NO_CHOICE, new_consent

ARTICLE_URL = "/articles/how-it-works/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(autouse=True)
def empty_statistics_buffer():
    statistics.buffer_clear()
    yield
    statistics.buffer_clear()


@pytest.fixture
def article(write_article):
    write_article("mechanism/how-it-works.md")
    return ARTICLE_URL


@pytest.fixture
def give_consent(client):
    """give_consent({"statistics"}) stores that choice in the test client's cookie, as the site would."""

    def give(accepted: set[str]):
        consent = new_consent(accepted=accepted, previous=NO_CHOICE)
        response = HttpResponse()
        consent_cookie_set(response, consent)
        client.cookies.update(response.cookies)
        return consent

    return give


def set_cookie_names(response) -> set[str]:
    """Cookies the response stores (deletions excluded)."""
    return {name for name, morsel in response.cookies.items() if morsel["max-age"] != 0}


def deleted_cookie_names(response) -> set[str]:
    return {name for name, morsel in response.cookies.items() if morsel["max-age"] == 0}
