"""Thin HTTP layer over the Library: look up, check visibility, render."""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from articles.library import get_library
from articles.models import PREVIEW_PERMISSION
from articles.navigation import related_articles, topic_neighbours
from articles.page_cache import memoize_public_page
from articles.sanitizer import json_ld
from articles.search import search as search_library
from articles.structured_data import medical_web_page
from articles.topics import TOPICS_BY_SLUG
from articles.translations import alternates_of, counterpart, is_out_of_date
from core.languages import current_language


@require_safe
@memoize_public_page
def home(request):
    library = get_library()
    return render(request, "articles/home.html", {"topic_groups": library.public_by_topic(timezone.localdate())})


@require_safe
@memoize_public_page
def article_list(request):
    library = get_library()
    return render(
        request, "articles/article_list.html", {"topic_groups": library.public_by_topic(timezone.localdate())}
    )


@require_safe
@memoize_public_page
def topic_detail(request, topic):
    topic_object = TOPICS_BY_SLUG.get(topic)
    if topic_object is None:
        raise Http404("No such topic")
    today = timezone.localdate()
    articles = [article for article in get_library().public(today) if article.metadata.topic == topic]
    return render(request, "articles/topic_detail.html", {"topic": topic_object, "articles": articles})


@require_safe
@memoize_public_page
def tag_detail(request, tag):
    articles = get_library().public_with_tag(tag, timezone.localdate())
    if not articles:
        raise Http404("No articles with this tag")
    # Each edition has its own tags: this page has no counterpart.
    context = {"tag": tag, "articles": articles, "alternates": {current_language(): request.path}}
    return render(request, "articles/tag_detail.html", context)


@require_safe
@memoize_public_page
def article_detail(request, slug):
    library = get_library()
    article = library.get(slug)
    if article is None:
        if slug in library.aliases:
            return HttpResponsePermanentRedirect(library.get(library.aliases[slug]).url)
        return _not_in_this_language(request, slug)
    today = timezone.localdate()
    is_preview = not article.is_public(today)
    # Drafts and scheduled articles exist only for editors, who see them with a preview banner.
    if is_preview and not request.user.has_perm(PREVIEW_PERMISSION):
        raise Http404("No such article")
    previous, following = topic_neighbours(library, article, today)
    context = {
        "article": article,
        "is_preview": is_preview,
        "review_overdue": article.is_review_overdue(today),
        "related": related_articles(library, article, today),
        "previous": previous,
        "following": following,
        "structured_data": json_ld(medical_web_page(article)),
        "alternates": alternates_of(article),
        "translation_out_of_date": is_out_of_date(article),
    }
    return render(request, "articles/article_detail.html", context)


def _not_in_this_language(request, slug):
    """An English slug under /es/: the Spanish page if there is one, else a 404 that links the English."""
    original = get_library(settings.LANGUAGE_CODE).get(slug)
    if original is None or original.language == current_language() or not original.is_public(timezone.localdate()):
        raise Http404("No such article")
    translated = counterpart(original, current_language())
    if translated is not None:
        return HttpResponsePermanentRedirect(translated.url)
    return render(request, "articles/not_translated.html", {"original": original}, status=404)


SEARCH_QUERY_MAX = 200


@require_safe
def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_QUERY_MAX]
    library = get_library()
    today = timezone.localdate()
    results = search_library(library, query, today) if query else []
    context = {"query": query, "results": results, "topic_groups": library.public_by_topic(today)}
    return render(request, "articles/search.html", context)


@require_safe
@memoize_public_page
def glossary(request):
    return render(request, "articles/glossary.html", {"terms": get_library().glossary})
