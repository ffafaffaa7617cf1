"""Memoized pages answer conditional requests: an unchanged page costs a returning browser no body."""

import gzip

import pytest

pytestmark = pytest.mark.django_db

URL = "/articles/how-it-works/"


@pytest.fixture
def site(write_article):
    write_article("mechanism/how-it-works.md")


def test_first_visit_gets_a_weak_etag(client, site):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["ETag"].startswith('W/"') and len(response["ETag"]) == 2 + 2 + 32


def test_matching_if_none_match_gets_304_without_a_body(client, site):
    etag = client.get(URL)["ETag"]
    again = client.get(URL, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "Accept-Encoding" in again["Vary"]
    assert again["Content-Security-Policy"]  # headers still apply to the 304


def test_plain_and_gzipped_bytes_share_the_tag(client, site):
    plain = client.get(URL)
    zipped = client.get(URL, headers={"accept-encoding": "gzip"})
    assert gzip.decompress(zipped.content) == plain.content
    assert zipped["ETag"] == plain["ETag"]
    assert client.get(URL, headers={"if-none-match": plain["ETag"], "accept-encoding": "gzip"}).status_code == 304


def test_tag_lists_strong_form_and_star_match(client, site):
    etag = client.get(URL)["ETag"]
    assert client.get(URL, headers={"if-none-match": f'"other", {etag.removeprefix("W/")}'}).status_code == 304
    assert client.get(URL, headers={"if-none-match": "*"}).status_code == 304


def test_stale_tag_gets_the_full_page(client, site):
    response = client.get(URL, headers={"if-none-match": 'W/"0123456789abcdef0123456789abcdef"'})
    assert response.status_code == 200 and b"<h1>" in response.content


def test_edited_article_gets_a_new_tag(client, site, write_article):
    old = client.get(URL)["ETag"]
    write_article("mechanism/how-it-works.md", title="How ketamine works, revised")
    fresh = client.get(URL, headers={"if-none-match": old})
    assert fresh.status_code == 200 and b"revised" in fresh.content
    assert fresh["ETag"] != old


def test_other_public_pages_have_tags_too(client, site):
    for url in ["/", "/articles/", "/topics/mechanism/"]:
        etag = client.get(url)["ETag"]
        assert client.get(url, headers={"if-none-match": etag}).status_code == 304


def test_logged_in_pages_are_not_tagged(client, site, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="a-long-password-1"))
    assert "ETag" not in client.get(URL)


def test_a_page_is_compressed_to_the_same_bytes_whenever_and_wherever_it_is_memoized(client, site, monkeypatch):
    """Workers and restarts must agree byte for byte, or caches hold two bodies under one ETag."""
    from articles import page_cache

    first = page_cache._Stored(b"<p>A page</p>", "text/html; charset=utf-8", None)
    monkeypatch.setattr("time.time", lambda: 2_000_000_000.0)  # gzip stamps the clock unless told not to
    later = page_cache._Stored(b"<p>A page</p>", "text/html; charset=utf-8", None)
    assert later.compressed == first.compressed


def test_a_gzipped_page_says_it_varies_by_accept_encoding(client, site):
    zipped = client.get(URL, headers={"accept-encoding": "gzip"})
    assert zipped["Content-Encoding"] == "gzip"
    assert "accept-encoding" in zipped["Vary"].lower()


def test_a_memoized_page_is_answered_before_its_address_is_resolved(client, site, monkeypatch):
    from django.core.handlers.base import BaseHandler

    first = client.get(URL, headers={"accept-encoding": "gzip"})
    resolved = []
    original = BaseHandler.resolve_request
    monkeypatch.setattr(
        BaseHandler, "resolve_request", lambda self, request: resolved.append(1) or original(self, request)
    )
    again = client.get(URL, headers={"accept-encoding": "gzip"})
    assert resolved == []
    assert again.content == first.content
    volatile = {"Date"}
    assert {k: v for k, v in again.headers.items() if k not in volatile} == {
        k: v for k, v in first.headers.items() if k not in volatile
    }
    assert again["X-Frame-Options"] == "DENY"
    assert client.get("/articles/").status_code == 200 and resolved == [1]  # not memoized yet: resolved as usual
