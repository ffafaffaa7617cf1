"""The `!video[...]` syntax: rendered once as a slot, filled per request by consent."""

from pathlib import Path

import pytest
from django.test import Client

from articles.rendering import render_body
from embeds.syntax import Embed
from tests.conftest import make_article

VIDEO = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"


def render(body: str):
    return render_body(path=Path("/content/basics/x.md"), body=body, first_line=10, references=(), slugs_by_path={})


def test_a_video_line_becomes_an_embed_between_runs_of_html():
    rendered = render(f"Before.\n\n!video[How a session works]({VIDEO})\n\nAfter.\n")
    assert rendered.problems == ()
    before, embed, after = rendered.parts
    assert embed == Embed(index=0, title="How a session works", url=VIDEO)
    assert embed.host == "www.youtube-nocookie.com"
    assert str(before) == "<p>Before.</p>\n" and str(after).strip() == "<p>After.</p>"
    assert "iframe" not in str(rendered.html)


def test_a_video_line_inside_a_paragraph_is_still_found():
    rendered = render("Text above.\n!video[Clip](https://player.vimeo.com/video/123456)\nText below.\n")
    assert [part for part in rendered.parts if isinstance(part, Embed)] == [
        Embed(index=0, title="Clip", url="https://player.vimeo.com/video/123456")
    ]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "videos must be https addresses"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "videos must be https addresses"),
        ("https://evil.example/embed/dQw4w9WgXcQ", "videos must be https addresses"),
        ("javascript:alert(1)", "videos must be https addresses"),
        ("https://user@www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "videos must be https addresses"),
        ("https://www.youtube-nocookie.com/watch?v=1", "not a video player address"),
        ('https://www.youtube-nocookie.com/embed/x"onload="1', "not a video player address"),
    ],
)
def test_addresses_outside_the_allowlist_are_reported_and_left_out(url, message):
    rendered = render(f"Intro.\n\n!video[Bad]({url})\n")
    assert [(problem.line, message in problem.message) for problem in rendered.problems] == [(12, True)]
    assert len(rendered.parts) == 1 and "Bad" not in str(rendered.html)


def test_raw_iframes_and_forged_slots_never_become_players():
    rendered = render(f'<iframe src="{VIDEO}"></iframe>\n\n<div class="embed-slot-0000000000000000-0"></div>\n')
    assert "iframe" not in str(rendered.html)
    assert len(rendered.parts) == 1


@pytest.fixture
def video_article(write_article):
    body = f"## Watch\n\n!video[What a session looks like]({VIDEO})\n\nAfter the video [@berman2000; @zarate2006].\n"
    write_article("treatment/session.md", make_article(body=body, topic="treatment", title="A session"))
    return "/articles/session/"


@pytest.mark.django_db
def test_without_consent_the_video_is_a_placeholder_with_a_link_and_a_load_button(video_article):
    html = Client().get(video_article).content.decode()
    assert "<iframe" not in html
    assert "Video: What a session looks like" in html
    assert f'<a href="{VIDEO}" rel="noopener noreferrer">' in html
    assert "receives your IP address" in html
    assert 'name="choice" value="external_media"' in html
    assert 'name="next" value="/articles/session/#embed-0"' in html


@pytest.mark.django_db
def test_the_load_button_turns_the_placeholder_into_the_player(video_article):
    reader = Client()
    response = reader.post(
        "/cookies/choose/",
        {"choice": "external_media", "next": "/articles/session/#embed-0"},
        HTTP_ORIGIN="http://testserver",
    )
    assert response["Location"] == "/articles/session/#embed-0"
    html = reader.get(video_article).content.decode()
    assert f'<iframe class="embed-frame" src="{VIDEO}" title="What a session looks like"' in html
    assert "Cookies on this site" not in html  # loading a video is a choice too
    assert "<iframe" not in Client().get(video_article).content.decode()  # the memo keeps the pages apart
