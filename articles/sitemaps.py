"""/sitemap.xml (django.contrib.sitemaps) and /robots.txt: published pages with their last-modified dates."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import sitemaps
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from articles.library import get_library
from articles.topics import TOPICS


class _SiteUrlSitemap(sitemaps.Sitemap):
    """Addresses from SITE_URL, never from the request's Host header (which anyone can set)."""

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme


class ArticleSitemap(_SiteUrlSitemap):
    def items(self):
        return get_library().public(timezone.localdate())

    def location(self, article) -> str:
        return article.url

    def lastmod(self, article):
        return article.metadata.updated


class SectionSitemap(_SiteUrlSitemap):
    """The home page, the article list, the glossary and the topic pages."""

    def items(self) -> list[tuple[str, bool]]:
        # (address, whether it changes whenever any article does)
        fixed = [
            (reverse("articles:home"), True),
            (reverse("articles:list"), True),
            (reverse("articles:glossary"), False),
        ]
        return fixed + [(reverse("articles:topic", args=[topic.slug]), False) for topic in TOPICS]

    def location(self, item) -> str:
        return item[0]

    def lastmod(self, item):
        if not item[1]:
            return None
        return max((article.metadata.updated for article in get_library().public(timezone.localdate())), default=None)


SITEMAPS = {"sections": SectionSitemap, "articles": ArticleSitemap}


@require_safe
def robots_txt(request):
    return render(request, "articles/robots.txt", {"site_url": settings.SITE_URL}, content_type="text/plain")
