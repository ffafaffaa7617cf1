from django.conf import settings

from articles.topics import TOPICS
from articles.translations import article_url
from articles.views import SEARCH_QUERY_MAX


def site_facts() -> dict:
    """What every page's frame shows: the topic list, the site's name and address, the crisis article,
    the search box's limit. Nothing here depends on the request, so pages rendered without one get it too."""
    return {
        "nav_topics": TOPICS,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "crisis_help_url": article_url(settings.CRISIS_HELP_SLUG),
        "search_query_max": SEARCH_QUERY_MAX,
    }


def site_navigation(request):
    """The context processor (settings.TEMPLATES): the same facts on every page rendered with a request."""
    return site_facts()
