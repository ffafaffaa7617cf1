"""How readers move between articles: related articles and previous/next within a topic."""

from datetime import date

from articles.library import Article, Library
from articles.snapshots import PerSnapshot

RELATED_LIMIT = 3
SHARED_TAG_POINTS = 2
SAME_TOPIC_POINTS = 1


def related_articles(library: Library, article: Article, today: date) -> list[Article]:
    """Public articles sharing the most tags (then the topic) with `article`."""
    ranked = _related_by_slug(library)
    return [other for other in ranked[article.slug] if other.is_public(today)][:RELATED_LIMIT]  # every slug is ranked


def topic_neighbours(library: Library, article: Article, today: date) -> tuple[Article | None, Article | None]:
    """The public articles just before and after `article` in its topic's A-to-Z list."""
    in_topic = [other for other in library.public(today) if other.metadata.topic == article.metadata.topic]
    if article not in in_topic:
        return None, None
    index = in_topic.index(article)
    previous = in_topic[index - 1] if index > 0 else None
    following = in_topic[index + 1] if index + 1 < len(in_topic) else None
    return previous, following


@PerSnapshot
def _related_by_slug(library: Library) -> dict[str, list[Article]]:
    ranked = {}
    for article in library.articles:
        tags = set(article.metadata.tags)
        scored = []
        for other in library.articles:
            if other is article:
                continue
            score = SHARED_TAG_POINTS * len(tags & set(other.metadata.tags))
            score += SAME_TOPIC_POINTS if other.metadata.topic == article.metadata.topic else 0
            if score:
                scored.append((-score, other.title.lower(), other))
        ranked[article.slug] = [other for *_, other in sorted(scored, key=lambda item: item[:2])]
    return ranked
