"""One row per article for editors: length, reading grade, references, and when review is due."""

from dataclasses import dataclass
from datetime import date

from articles.library import Article, Library
from articles.readability import flesch_kincaid_grade

GRADE_TARGET = 9.0


@dataclass(frozen=True)
class ArticleRow:
    article: Article
    words: int
    grade: float | None
    references: int
    uncited: int
    review_due: date
    has_key_points: bool


def article_row(article: Article) -> ArticleRow:
    rendered = article.rendered
    return ArticleRow(
        article=article,
        words=rendered.word_count,
        grade=flesch_kincaid_grade(rendered.prose_blocks),
        references=len(rendered.references),
        uncited=len(rendered.references) - len(rendered.cited_ids),
        review_due=article.metadata.next_review,
        has_key_points=bool(rendered.toc) and rendered.toc[0].anchor == "key-points",
    )


def content_rows(library: Library) -> list[ArticleRow]:
    """Every article (drafts and scheduled ones too), by topic then title."""
    return sorted(
        (article_row(article) for article in library.articles),
        key=lambda row: (row.article.metadata.topic, row.article.title.lower()),
    )


def summary(rows: list[ArticleRow], today: date) -> str:
    grades = [row.grade for row in rows if row.grade is not None]
    mean_grade = sum(grades) / len(grades) if grades else 0.0
    above = sum(grade > GRADE_TARGET for grade in grades)
    overdue = sum(row.review_due < today for row in rows)
    return (
        f"{len(rows)} articles, {sum(row.words for row in rows)} words, mean grade {mean_grade:.1f}"
        f" (max {max(grades, default=0.0):.1f}, {above} above {GRADE_TARGET:g}),"
        f" {sum(row.references for row in rows)} references, {sum(row.uncited for row in rows)} uncited,"
        f" {sum(not row.has_key_points for row in rows)} without key points, {overdue} reviews overdue"
    )
