"""/sitemap.xml and /robots.txt: published articles with their last-modified dates."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from articles.library import get_library
from articles.topics import TOPICS


@require_safe
def sitemap(request):
    library = get_library()
    articles = library.public(timezone.localdate())
    newest = max((article.metadata.updated for article in articles), default=None)
    pages = [
        (reverse("articles:home"), newest),
        (reverse("articles:list"), newest),
        (reverse("articles:glossary"), None),
    ]
    pages += [(reverse("articles:topic", args=[topic.slug]), None) for topic in TOPICS]
    pages += [(article.url, article.metadata.updated) for article in articles]
    context = {"site_url": settings.SITE_URL, "pages": pages}
    return render(request, "articles/sitemap.xml", context, content_type="application/xml; charset=utf-8")


@require_safe
def robots_txt(request):
    return render(request, "articles/robots.txt", {"site_url": settings.SITE_URL}, content_type="text/plain")
