from articles.topics import TOPICS


def site_navigation(request):
    """The topic list, for the header navigation on every page."""
    return {"nav_topics": TOPICS}
