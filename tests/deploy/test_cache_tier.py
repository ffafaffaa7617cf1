"""Through the real nginx (deploy/nginx/ketamine.conf): what it keeps, what it never keeps, and how
soon an edit shows."""

import re

import pytest

from bench.server import REPO
from tests.deploy.conftest import (
    ADMIN_PATH,
    CONTENT_CHECK_INTERVAL_MS,
    DRAFT_SLUG,
    DRAFT_TITLE,
    SHARED_CACHE_SECONDS,
    SHARED_CACHE_STALE_SECONDS,
    STAFF,
)
from tests.deploy.web import (
    BANNER,
    CSRF_COOKIE,
    cached_keys,
    consent_cookies,
    cookie_header,
    edit_article,
    fetch,
    send_inquiry,
    sign_in,
    wait_for,
)

pytestmark = pytest.mark.deploy


def article_path(stack, topic: str) -> str:
    """An article of `topic` no other test here reads, so each starts with nothing cached."""
    return f"/articles/{sorted(stack['content'].glob(f'{topic}/*.md'))[0].stem}/"


def test_a_second_anonymous_request_for_an_article_is_a_cache_hit(stack):
    path = article_path(stack, "basics")
    first = fetch(stack["proxy"], path)
    second = fetch(stack["proxy"], path)
    assert (first.status, first.cache_status) == (200, "MISS")
    assert (second.status, second.cache_status) == (200, "HIT")
    assert second.body == first.body and BANNER in second.body
    assert "public" in second.directives() and f"s-maxage={SHARED_CACHE_SECONDS}" in second.directives()
    # A client without gzip has its own copy, never the compressed one.
    plain = fetch(stack["proxy"], path, headers={"Accept-Encoding": "identity"})
    assert plain.cache_status == "MISS" and "Content-Encoding" not in plain.headers
    assert plain.body == first.body


def test_a_visitor_with_a_consent_cookie_gets_their_own_page_not_the_cached_banner_page(stack):
    path = article_path(stack, "safety")
    fetch(stack["proxy"], path)
    assert fetch(stack["proxy"], path).cache_status == "HIT"
    cookies = consent_cookies(stack["proxy"])
    assert "consent" in cookies

    theirs = fetch(stack["proxy"], path, headers=cookie_header(cookies))
    assert theirs.status == 200 and theirs.cache_status == "BYPASS"
    assert BANNER not in theirs.body  # they chose; the cached page still asks
    assert theirs.directives() == {"private", "max-age=0"}
    again = fetch(stack["proxy"], path)
    assert again.cache_status == "HIT" and BANNER in again.body  # their page did not replace it


def test_the_global_privacy_control_signal_has_its_own_cached_copy(stack):
    path = article_path(stack, "research")
    fetch(stack["proxy"], path)
    assert fetch(stack["proxy"], path).cache_status == "HIT"
    assert fetch(stack["proxy"], path, headers={"Sec-GPC": "1"}).cache_status == "MISS"
    assert fetch(stack["proxy"], path, headers={"Sec-GPC": "1"}).cache_status == "HIT"


def test_the_form_page_and_its_post_are_never_cached(stack):
    pages = [fetch(stack["proxy"], "/find-a-clinic/") for _ in range(2)]
    for page in pages:
        assert page.status == 200 and page.cache_status == "BYPASS"
        assert page.directives() == {"private", "no-store"} and CSRF_COOKIE in page.cookies()
    assert pages[0].cookies()[CSRF_COOKIE] != pages[1].cookies()[CSRF_COOKIE]  # each visitor their own token
    sent = send_inquiry(stack["proxy"], "cache-tier")
    assert sent.status == 302 and "no-store" in sent.directives()
    assert sent.cache_status == ""  # nginx does not even look a POST up (proxy_cache_methods GET HEAD)
    thanks = fetch(stack["proxy"], sent.headers["Location"])
    assert thanks.status == 200 and thanks.cache_status == "BYPASS" and "no-store" in thanks.directives()
    assert not [key for key in cached_keys(stack["run_dir"]) if "find-a-clinic" in key]


def test_the_admin_and_drafts_for_signed_in_staff_are_never_cached(stack):
    assert fetch(stack["proxy"], f"/{ADMIN_PATH}login/").cache_status == "BYPASS"
    session = cookie_header(sign_in(stack["proxy"], ADMIN_PATH, *STAFF))
    for _ in range(2):
        desk = fetch(stack["proxy"], f"/{ADMIN_PATH}", headers=session)
        assert desk.status == 200 and desk.cache_status == "BYPASS" and "no-store" in desk.directives()
        draft = fetch(stack["proxy"], f"/articles/{DRAFT_SLUG}/", headers=session)
        assert draft.status == 200 and DRAFT_TITLE in draft.body
        assert draft.cache_status == "BYPASS" and "no-store" in draft.directives()
    anonymous = fetch(stack["proxy"], f"/articles/{DRAFT_SLUG}/")
    assert anonymous.status == 404 and DRAFT_TITLE not in anonymous.body
    stored = cached_keys(stack["run_dir"])
    assert stored and not [key for key in stored if f"/{ADMIN_PATH}" in key]


def test_a_content_edit_shows_within_the_shared_lifetime(stack):
    path = article_path(stack, "treatment")
    fetch(stack["proxy"], path)
    assert fetch(stack["proxy"], path).cache_status == "HIT"
    edit_article(sorted(stack["content"].glob("treatment/*.md"))[0], "A sentence an editor just added.")
    limit = SHARED_CACHE_SECONDS + SHARED_CACHE_STALE_SECONDS + CONTENT_CHECK_INTERVAL_MS / 1000
    seconds = wait_for(stack["proxy"], path, "A sentence an editor just added.", timeout=limit + 5)
    assert seconds <= limit + 0.5, f"the edit took {seconds:.1f} s to show (limit {limit:.1f} s)"
    assert fetch(stack["proxy"], path).cache_status == "HIT"  # and the new page is cached again


def test_static_files_come_from_static_root_with_immutable_caching(stack):
    page = fetch(stack["proxy"], "/")
    stylesheet = re.search(r'<link rel="stylesheet" href="(/static/[^"]+)"', page.body)[1]
    answer = fetch(stack["proxy"], stylesheet)
    assert answer.status == 200 and answer.headers["Content-Encoding"] == "gzip"
    assert answer.directives() == {"public", "max-age=31536000", "immutable"}
    assert answer.headers["X-Content-Type-Options"] == "nosniff" and "X-Cache-Status" not in answer.headers
    assert answer.body.encode() == (REPO / "staticfiles" / stylesheet.removeprefix("/static/")).read_bytes()


def test_the_proxy_records_the_visitor_address_and_scheme_for_one_trusted_proxy(stack):
    article = sorted(stack["content"].glob("conditions/*.md"))[0].stem
    vote = {"article": article, "helpful": "yes", "comment": ""}
    # FEEDBACK_RATE_LIMIT is 3/h: a forged X-Forwarded-For does not make a visitor someone new,
    # because the app reads only the address nginx appended.
    statuses = [
        fetch(stack["proxy"], "/feedback/", data=vote, headers={"X-Forwarded-For": f"203.0.113.{n}"}).status
        for n in range(4)
    ]
    assert statuses == [303, 303, 303, 429]
    # nginx overwrites a claimed scheme with the one it was reached by (plain HTTP here): no HSTS.
    claimed = fetch(stack["proxy"], "/", headers={"X-Forwarded-Proto": "https"})
    assert claimed.status == 200 and "Strict-Transport-Security" not in claimed.headers
    direct = fetch(stack["app"], "/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" in direct.headers  # the app does trust the header it is given


def test_an_oversized_post_is_refused_by_the_proxy(stack):
    answer = fetch(stack["proxy"], "/feedback/", body=b"comment=" + b"x" * (2 * 1024 * 1024))
    assert answer.status == 413


def test_each_language_has_its_own_cached_page_and_accept_language_changes_nothing(stack):
    english, spanish = "/topics/conditions/", "/es/temas/conditions/"
    fetch(stack["proxy"], english)
    cached = fetch(stack["proxy"], english)
    assert cached.cache_status == "HIT" and '<html lang="en"' in cached.body
    first = fetch(stack["proxy"], spanish)
    assert first.cache_status == "MISS" and '<html lang="es"' in first.body
    assert fetch(stack["proxy"], spanish).cache_status == "HIT"
    asked_in_spanish = fetch(stack["proxy"], english, headers={"Accept-Language": "es-MX,es;q=0.9"})
    assert asked_in_spanish.cache_status == "HIT" and asked_in_spanish.body == cached.body
