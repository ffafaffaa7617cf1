"""The Content-Security-Policy lets a page frame the video players only for visitors who accepted them."""

import pytest
from django.test import Client

from tests.conftest import ARTICLE_URL, SAME_ORIGIN

pytestmark = pytest.mark.django_db


def test_pages_may_frame_video_players_only_after_external_media_is_accepted(client, article, give_consent):
    before = client.get(ARTICLE_URL)["Content-Security-Policy"]
    assert "frame-src" not in before and "default-src 'none'" in before
    give_consent({"statistics"})
    assert "frame-src" not in client.get(ARTICLE_URL)["Content-Security-Policy"]
    give_consent({"external_media"})
    policy = client.get(ARTICLE_URL)["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in policy
    assert "default-src 'none'" in policy  # widened, not replaced
    # Only that visitor's responses: another visitor's page of the same (memoized) article frames nothing.
    assert "frame-src" not in Client().get(ARTICLE_URL)["Content-Security-Policy"]


def test_the_load_button_allows_frames_on_the_response_that_records_the_choice(client, article):
    response = client.post("/cookies/choose/", {"choice": "external_media", "next": ARTICLE_URL}, **SAME_ORIGIN)
    assert response.status_code == 302
    assert "frame-src https://www.youtube-nocookie.com" in response["Content-Security-Policy"]
