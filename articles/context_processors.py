from django.conf import settings

from articles.topics import TOPICS


def site_navigation(request):
    """The topic list for the header, and the site's name and public address for links and metadata."""
    return {"nav_topics": TOPICS, "site_name": settings.SITE_NAME, "site_url": settings.SITE_URL}
