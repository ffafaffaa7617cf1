import secrets
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from readerstats import statistics
from readerstats.models import ArticleDailyViews, DailyReader
from tests.conftest import ARTICLE_URL, set_cookie_names

pytestmark = pytest.mark.django_db


def test_views_are_counted_without_a_cookie_and_written_on_flush(client, article):
    for _ in range(3):
        response = client.get(ARTICLE_URL)
        assert not response.cookies
    client.get("/articles/")  # not an article page
    client.get("/articles/no-such-article/")  # a 404 is not a view
    assert statistics.buffered() == (3, 0)
    assert not ArticleDailyViews.objects.exists()  # nothing written on the request path
    statistics.page_views_flush()
    row = ArticleDailyViews.objects.get()
    assert (row.slug, row.day, row.views, row.unique_readers) == ("how-it-works", timezone.localdate(), 3, 0)
    assert statistics.buffered() == (0, 0)


def test_flushes_add_up(client, article):
    client.get(ARTICLE_URL)
    statistics.page_views_flush()
    client.get(ARTICLE_URL)
    client.get(ARTICLE_URL)
    statistics.page_views_flush()
    assert ArticleDailyViews.objects.get().views == 3


def test_unique_readers_are_counted_only_with_statistics_consent(client, article, give_consent):
    client.get(ARTICLE_URL)  # no consent: a view, no reader
    give_consent({"statistics"})
    first = client.get(ARTICLE_URL)
    assert "visitor_id" in set_cookie_names(first)
    cookie = first.cookies["visitor_id"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    tomorrow = datetime.combine(timezone.localdate() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    assert cookie["expires"] == tomorrow.strftime("%a, %d %b %Y %H:%M:%S GMT")  # only for today
    second = client.get(ARTICLE_URL)
    assert "visitor_id" not in second.cookies  # the same id is reused
    statistics.page_views_flush()
    row = ArticleDailyViews.objects.get()
    assert (row.views, row.unique_readers) == (3, 1)
    stored = DailyReader.objects.get().reader
    assert stored != client.cookies["visitor_id"].value  # only a keyed hash is stored


def test_readers_seen_by_two_workers_are_counted_once(client, article, give_consent):
    give_consent({"statistics"})
    client.get(ARTICLE_URL)
    statistics.page_views_flush()
    client.get(ARTICLE_URL)  # as if another process saw the same reader
    statistics.page_views_flush()
    assert ArticleDailyViews.objects.get().unique_readers == 1


def test_reader_hashes_older_than_yesterday_are_dropped(client, article, give_consent):
    old_day = timezone.localdate() - timedelta(days=3)
    DailyReader.objects.create(day=old_day, slug="how-it-works", reader="f" * 32)
    give_consent({"statistics"})
    client.get(ARTICLE_URL)
    statistics.page_views_flush()
    assert list(DailyReader.objects.values_list("day", flat=True)) == [timezone.localdate()]


def test_staff_previews_are_not_counted(client, article, django_user_model):
    client.force_login(django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True))
    client.get(ARTICLE_URL)
    assert statistics.buffered() == (0, 0)


def test_flush_runs_after_a_request_once_due(client, article, settings):
    settings.STATISTICS_FLUSH_SECONDS = 0
    client.get(ARTICLE_URL)
    assert ArticleDailyViews.objects.get().views == 1


def test_staff_see_the_figures_in_the_admin(client, django_user_model):
    ArticleDailyViews.objects.create(day=timezone.localdate(), slug="how-it-works", views=42, unique_readers=7)
    client.force_login(django_user_model.objects.create_superuser("admin", password="a-long-password-1"))
    html = client.get("/admin/readerstats/articledailyviews/").content.decode()
    assert "how-it-works" in html and "42" in html and "7" in html


def test_random_visitor_ids_count_no_readers(client, article, give_consent):
    give_consent({"statistics"})
    for _ in range(50):
        client.cookies["visitor_id"] = secrets.token_hex(16)  # the old, unsigned format, made up
        assert client.get(ARTICLE_URL).status_code == 200
    statistics.page_views_flush()
    row = ArticleDailyViews.objects.get()
    assert (row.views, row.unique_readers) == (50, 0)


def test_a_forged_signature_counts_no_reader_and_the_browser_gets_a_genuine_id(client, article, give_consent):
    give_consent({"statistics"})
    genuine = client.get(ARTICLE_URL).cookies["visitor_id"].value
    _, _, signature = genuine.rpartition(":")
    forged = f"{secrets.token_hex(16)}:{signature}"
    client.cookies["visitor_id"] = forged
    replacement = client.get(ARTICLE_URL).cookies["visitor_id"].value
    assert replacement not in {genuine, forged} and statistics.visitor_id_from(replacement)
    client.get(ARTICLE_URL)  # now with the genuine replacement
    statistics.page_views_flush()
    assert ArticleDailyViews.objects.get().unique_readers == 2  # the first id, and its replacement
