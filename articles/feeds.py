"""The Atom feed of published articles, newest change first."""

from datetime import UTC, datetime, time

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from articles.library import get_library

FEED_SIZE = 30


def _as_datetime(day) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


@require_safe
def atom_feed(request):
    articles = sorted(
        get_library().public(timezone.localdate()),
        key=lambda article: (article.metadata.updated, article.title),
        reverse=True,
    )[:FEED_SIZE]
    feed = Atom1Feed(
        title=settings.SITE_NAME,
        link=settings.SITE_URL + "/",
        description="New and updated articles about ketamine and esketamine treatment.",
        feed_url=settings.SITE_URL + reverse("articles:feed"),
        language="en",
        feed_guid=settings.SITE_URL + "/",
    )
    for article in articles:
        feed.add_item(
            title=article.title,
            link=settings.SITE_URL + article.url,
            description=article.summary,
            unique_id=settings.SITE_URL + article.url,
            pubdate=_as_datetime(article.metadata.published),
            updateddate=_as_datetime(article.metadata.updated),
            categories=[article.topic.title, *article.metadata.tags],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
