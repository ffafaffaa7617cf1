"""The Atom feed of published articles, newest change first (django.contrib.syndication)."""

from datetime import UTC, datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from articles.library import get_library
from core.languages import current_language

FEED_SIZE = 30


def _as_datetime(day) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


class ArticleFeed(Feed):
    """Every address is absolute from SITE_URL: feeds are read far from the request's Host header."""

    feed_type = Atom1Feed

    def title(self) -> str:
        return str(settings.SITE_NAME)

    def subtitle(self) -> str:
        return gettext("New and updated articles about ketamine and esketamine treatment.")

    @property
    def language(self) -> str:
        """Each edition has its own feed (/feed/, /es/feed/) in its own language (Django reads the attribute)."""
        return current_language()

    def link(self) -> str:
        return settings.SITE_URL + reverse("articles:home")

    def feed_guid(self) -> str:
        return settings.SITE_URL + reverse("articles:home")

    def feed_url(self) -> str:
        return settings.SITE_URL + reverse("articles:feed")

    def items(self):
        articles = get_library().public(timezone.localdate())
        newest_first = sorted(articles, key=lambda article: (article.metadata.updated, article.title), reverse=True)
        return newest_first[:FEED_SIZE]

    def item_title(self, article) -> str:
        return article.title

    def item_description(self, article) -> str:
        return article.summary

    def item_link(self, article) -> str:
        return settings.SITE_URL + article.url

    def item_pubdate(self, article) -> datetime:
        return _as_datetime(article.metadata.published)

    def item_updateddate(self, article) -> datetime:
        return _as_datetime(article.metadata.updated)

    def item_categories(self, article) -> list[str]:
        return [str(article.topic.title), *article.metadata.tags]
