"""The feedback form on every article: what it stores, what it refuses, the staff report (feedback/views.py)."""

import pytest
from django.contrib.auth.models import Permission

from feedback.models import PageFeedback

pytestmark = pytest.mark.django_db


def test_article_page_asks_without_a_csrf_token_or_cookie(client, articles):
    response = client.get("/articles/risks/")
    html = response.content.decode()
    assert "Was this page helpful?" in html and 'action="/feedback/"' in html
    assert "csrfmiddlewaretoken" not in html and not response.cookies


def test_answer_is_stored_and_the_reader_thanked(client, articles, send):
    response = send(client, helpful="no", comment="  The dose table is confusing.  ")
    assert response.status_code == 303
    assert response["Location"] == "/articles/risks/?feedback=thanks#feedback"
    assert not response.cookies
    feedback = PageFeedback.objects.get()
    assert (feedback.article, feedback.helpful, feedback.comment) == ("risks", False, "The dose table is confusing.")
    thanked = client.get(response["Location"]).content.decode()
    assert "Thank you. Your answer helps us improve this page." in thanked


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example"},
        {"referer": "https://evil.example/page"},
        {},
        {"origin": "http://testserver", "sec-fetch-site": "cross-site"},
    ],
    ids=["foreign origin", "foreign referer", "no origin or referer", "cross-site fetch"],
)
def test_forged_cross_site_posts_are_refused_and_nothing_stored(client, articles, headers, send):
    response = send(client, headers=headers)
    assert response.status_code == 403
    assert b"Your feedback was not sent" in response.content
    assert not PageFeedback.objects.exists()


def test_same_site_referer_is_accepted_when_origin_is_missing(client, articles, send):
    assert send(client, headers={"referer": "http://testserver/articles/risks/"}).status_code == 303


def test_bad_answer_keeps_what_was_typed(client, articles, send):
    comment = "Too long " * 60
    response = send(client, helpful="maybe", comment=comment)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose Yes or No." in html
    assert "Ensure this value has at most 500 characters" in html
    assert comment.strip()[:40] in html
    assert not PageFeedback.objects.exists()


def test_hostile_comment_is_escaped_when_shown_back(client, articles, send):
    response = send(client, helpful="", comment="<script>alert(1)</script>")
    assert b"<script>alert(1)</script>" not in response.content
    assert b"&lt;script&gt;" in response.content


def test_hidden_control_characters_are_refused(client, articles, send):
    response = send(client, comment="fine\u202etext")
    assert response.status_code == 400 and b"Remove hidden characters" in response.content


@pytest.mark.parametrize("slug", ["unfinished", "no-such-article"])
def test_feedback_only_for_published_articles(client, articles, slug, send):
    response = send(client, article=slug)
    assert response.status_code == 400 and b"This page cannot take feedback." in response.content
    assert not PageFeedback.objects.exists()


def test_answers_are_rate_limited_per_client(client, articles, settings, send):
    settings.FEEDBACK_RATE_LIMIT = "2/h"
    assert [send(client).status_code for _ in range(3)] == [303, 303, 429]
    assert PageFeedback.objects.count() == 2


def test_get_is_not_allowed(client):
    assert client.get("/feedback/").status_code == 405


def test_helpfulness_report_is_for_staff_and_counts_answers(client, articles, django_user_model, send):
    for helpful, comment in [("yes", ""), ("no", "unclear"), ("no", "")]:
        send(client, helpful=helpful, comment=comment)
    assert client.get("/staff/feedback/").status_code == 404
    editor = django_user_model.objects.create_user("editor", password="x-long-password-1", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_pagefeedback"))
    client.force_login(editor)
    html = client.get("/staff/feedback/").content.decode()
    assert "<td>Risks</td><td>1</td><td>2</td><td>33%</td><td>1</td>" in html


def test_a_spanish_page_takes_feedback_in_spanish_and_the_report_names_its_language(
    client, articles, write_article, django_user_model
):
    write_article("es/safety/riesgos.md", topic="safety", title="Riesgos", translation_of="risks")
    page = client.get("/es/articulos/riesgos/").content.decode()
    assert "¿Le resultó útil esta página?" in page and 'action="/es/opinion/"' in page
    answer = {"article": "riesgos", "helpful": "no", "comment": ""}
    response = client.post("/es/opinion/", answer, headers={"origin": "http://testserver"})
    assert response["Location"] == "/es/articulos/riesgos/?feedback=thanks#feedback"
    editor = django_user_model.objects.create_user("editor", password="x-long-password-1", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="view_pagefeedback"))
    client.force_login(editor)
    assert "<td>Riesgos (es)</td><td>0</td><td>1</td>" in client.get("/staff/feedback/").content.decode()
