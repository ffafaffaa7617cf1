from dataclasses import dataclass

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


def helpfulness_by_article(*, library: Library) -> list[Helpfulness]:
    """Yes/no counts per article, least helpful first (the pages that most need work)."""
    counts = PageFeedback.objects.values("article").annotate(
        yes=Count("id", filter=Q(helpful=True)),
        no=Count("id", filter=Q(helpful=False)),
        comments=Count("id", filter=~Q(comment="")),
    )
    rows = []
    for row in counts:
        article = library.get(row["article"])
        title = article.title if article else f"{row['article']} (no longer published)"
        rows.append(Helpfulness(row["article"], title, row["yes"], row["no"], row["comments"]))
    return sorted(rows, key=lambda row: (row.percent_helpful, -row.total, row.title))
