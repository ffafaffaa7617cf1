"""Related articles (shared tags, then topic) and previous/next within a topic, public articles only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.library import load_library
from articles.navigation import RELATED_LIMIT, related_articles, topic_neighbours
from tests.conftest import make_article


@pytest.fixture
def library(write_article, content_dir):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    articles = {
        "treatment/anchor.md": {"title": "Anchor", "topic": "treatment", "tags": "[dose, infusion, cost]"},
        "basics/two-tags.md": {"title": "Two shared tags", "topic": "basics", "tags": "[dose, infusion]"},
        "basics/one-tag.md": {"title": "One shared tag", "topic": "basics", "tags": "[cost]"},
        "treatment/topic-only.md": {"title": "Same topic only", "topic": "treatment", "tags": "[other]"},
        "treatment/beta.md": {"title": "Beta tag and topic", "topic": "treatment", "tags": "[cost]"},
        "safety/unrelated.md": {"title": "Unrelated", "topic": "safety", "tags": "[bladder]"},
        "treatment/draft.md": {
            "title": "Draft",
            "topic": "treatment",
            "tags": "[dose, infusion, cost]",
            "draft": "true",
        },
        "treatment/later.md": {
            "title": "Scheduled",
            "topic": "treatment",
            "tags": "[dose, infusion, cost]",
            "published": tomorrow,
            "updated": tomorrow,
        },
    }
    for path, fields in articles.items():
        write_article(path, make_article(**fields))
    return load_library(content_dir)


def related_titles(library, slug):
    return [article.title for article in related_articles(library, library.get(slug), timezone.localdate())]


def test_related_articles_rank_by_shared_tags_then_topic_and_stop_at_the_limit(library):
    # 2 tags = 4 points; 1 tag + topic = 3; 1 tag = 2; topic only = 1 (cut by the limit); no match never.
    assert related_titles(library, "anchor") == ["Two shared tags", "Beta tag and topic", "One shared tag"]
    assert RELATED_LIMIT == 3


def test_related_articles_never_include_the_article_itself_or_unpublished_ones(library):
    found = related_titles(library, "topic-only")
    assert "Same topic only" not in found
    assert "Draft" not in found and "Scheduled" not in found
    assert found == ["Anchor", "Beta tag and topic"]  # same topic, equal points: A to Z


def test_an_article_with_nothing_in_common_has_no_related_articles(library):
    assert related_titles(library, "unrelated") == []


def neighbour_titles(library, slug):
    previous, following = topic_neighbours(library, library.get(slug), timezone.localdate())
    return (previous and previous.title, following and following.title)


def test_topic_neighbours_walk_the_topic_a_to_z_skipping_unpublished_articles(library):
    # Treatment, public, A to Z: Anchor, Beta tag and topic, Same topic only.
    assert neighbour_titles(library, "anchor") == (None, "Beta tag and topic")
    assert neighbour_titles(library, "beta") == ("Anchor", "Same topic only")
    assert neighbour_titles(library, "topic-only") == ("Beta tag and topic", None)


def test_an_unpublished_article_has_no_neighbours(library):
    assert neighbour_titles(library, "draft") == (None, None)


@pytest.mark.django_db
def test_the_article_page_links_its_related_articles_and_neighbours(client, library):
    html = client.get("/articles/beta/").content.decode()
    assert 'href="/articles/anchor/"' in html and 'href="/articles/topic-only/"' in html
    assert 'href="/articles/one-tag/"' in html  # related by the shared tag
    assert 'href="/articles/unrelated/"' not in html
