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
from articles.translations import counterpart, counterparts
from core.languages import current_language, language_codes, reverse_in


class _SiteUrlSitemap(sitemaps.Sitemap):
    """Addresses from SITE_URL, never from the request's Host header (which anyone can set)."""

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(settings.SITE_URL).scheme


class ArticleSitemap(_SiteUrlSitemap):
    """Every article in every language it is published in, each listing its translations
    (xhtml:link alternates, x-default the English). Items are the English originals."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return get_library(settings.LANGUAGE_CODE).public(timezone.localdate())

    def get_languages_for_item(self, original) -> list[str]:
        today = timezone.localdate()
        return [language for language, article in counterparts(original).items() if article.is_public(today)]

    def location(self, original) -> str:
        return counterpart(original, current_language()).url  # Django activates each language in turn

    def lastmod(self, original):
        return counterpart(original, current_language()).metadata.updated


class SectionSitemap(_SiteUrlSitemap):
    """The home page, the article list, the glossary and the topic pages, in every language."""

    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[tuple[str, tuple, bool]]:
        # (URL name, arguments, whether the page changes whenever any article does)
        fixed = [("articles:home", (), True), ("articles:list", (), True), ("articles:glossary", (), False)]
        return fixed + [("articles:topic", (topic.slug,), False) for topic in TOPICS]

    def location(self, item) -> str:
        return reverse(item[0], args=item[1])  # in the language Django activated for this entry

    def lastmod(self, item):
        if not item[2]:
            return None
        return max((article.metadata.updated for article in get_library().public(timezone.localdate())), default=None)


SITEMAPS = {"sections": SectionSitemap, "articles": ArticleSitemap}


@require_safe
def robots_txt(request):
    # Search result pages are endless and thin: no edition's search is for crawlers.
    searches = [reverse_in(language, "articles:search") for language in language_codes()]
    context = {"site_url": settings.SITE_URL, "searches": searches}
    return render(request, "articles/robots.txt", context, content_type="text/plain")
