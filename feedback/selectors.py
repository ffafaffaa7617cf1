from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Q

from articles.library import Library
from feedback.models import PageFeedback


@dataclass(frozen=True)
class Helpfulness:
    slug: str
    title: str
    yes: int
    no: int
    comments: int

    @property
    def total(self) -> int:
        return self.yes + self.no

    @property
    def percent_helpful(self) -> int:
        return round(100 * self.yes / self.total) if self.total else 0


def helpfulness_by_article(*, libraries: Iterable[Library]) -> list[Helpfulness]:
    """Yes/no counts per article of every edition (a translation's title names its language), least
    helpful first (the pages that most need work)."""
    by_slug = {}
    for library in libraries:
        for article in library.articles:
            language = "" if article.language == settings.LANGUAGE_CODE else f" ({article.language})"
            by_slug.setdefault(article.slug, article.title + language)
    counts = PageFeedback.objects.values("article").annotate(
        yes=Count("id", filter=Q(helpful=True)),
        no=Count("id", filter=Q(helpful=False)),
        comments=Count("id", filter=~Q(comment="")),
    )
    rows = []
    for row in counts:
        title = by_slug.get(row["article"]) or f"{row['article']} (no longer published)"
        rows.append(Helpfulness(row["article"], title, row["yes"], row["no"], row["comments"]))
    return sorted(rows, key=lambda row: (row.percent_helpful, -row.total, row.title))
