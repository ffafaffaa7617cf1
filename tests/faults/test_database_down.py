"""The database refuses writes: forms come back with every answer and a 503; cookie choices still hold."""

import logging
import re

import pytest

from clinics.models import Inquiry
from feedback.models import PageFeedback

SAME_ORIGIN = {"origin": "http://testserver"}


@pytest.fixture
def article(write_article):
    write_article("safety/risks.md", topic="safety", title="Risks")
    return "/articles/risks/"


def test_inquiry_comes_back_with_every_answer_and_a_plain_503(database_refuses_writes, post_inquiry, caplog):
    caplog.set_level(logging.ERROR, logger="clinics.views")
    response = post_inquiry(message="Evenings are best, after 6pm.")
    assert response.status_code == 503 and response["Retry-After"] == "120"
    html = response.content.decode()
    assert "We could not save this just now" in html and "Your answers are still here" in html
    assert 'href="tel:988"' in html
    for typed in ['value="Jordan Rivera"', 'value="jordan@example.com"', 'value="212 555 0123"', 'value="10001"']:
        assert typed in html
    assert "Evenings are best, after 6pm.</textarea>" in html
    assert re.search(r'<option value="NY" selected', html) and re.search(r'value="trd"[^>]* checked', html)
    assert "inquiry not stored: the database did not answer" in caplog.text


def test_the_next_post_after_recovery_is_stored(database_refuses_writes, post_inquiry):
    assert post_inquiry().status_code == 503
    database_refuses_writes()
    assert post_inquiry().status_code == 302
    assert Inquiry.objects.get().name == "Jordan Rivera"


def test_feedback_comes_back_with_the_comment(database_refuses_writes, client, article):
    data = {"article": "risks", "helpful": "no", "comment": "The dose table is confusing."}
    response = client.post("/feedback/", data, headers=SAME_ORIGIN)
    assert response.status_code == 503 and response["Retry-After"] == "120"
    html = response.content.decode()
    assert "We could not save this just now" in html and "The dose table is confusing.</textarea>" in html
    database_refuses_writes()
    assert not PageFeedback.objects.exists()


def test_cookie_choice_is_honoured_without_its_record(database_refuses_writes, client, article, caplog):
    caplog.set_level(logging.ERROR, logger="consent.services")
    response = client.post("/cookies/choose/", {"choice": "reject", "next": article}, headers=SAME_ORIGIN)
    assert response.status_code == 302 and "consent" in response.cookies
    assert "consent record not stored" in caplog.text and "the cookie was set" in caplog.text


def test_pages_that_need_no_database_keep_answering(database_refuses_writes, client, article):
    for path in [article, "/", "/articles/", "/search/?q=risks", "/find-a-clinic/", "/cookies/", "/healthz"]:
        assert client.get(path).status_code == 200, path


def test_a_session_cookie_on_a_memoized_page_gets_the_503_page_when_the_database_does_not_answer(
    client, article, monkeypatch
):
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import OperationalError

    assert client.get(article).status_code == 200  # memoized now
    client.cookies["sessionid"] = "a-session-we-cannot-look-up"

    def no_database(self):
        raise OperationalError("the database did not answer")

    monkeypatch.setattr(SessionStore, "load", no_database)
    response = client.get(article)
    assert response.status_code == 503 and response["Retry-After"] == "120"
