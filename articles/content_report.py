"""One row per article for editors: length, readability, references, and when review is due.

English prose is scored as a Flesch-Kincaid school grade (lower is easier); Spanish prose on the
INFLESZ scale (Szigriszt-Pazos, higher is easier), with Fernandez-Huerta beside it."""

from dataclasses import dataclass
from datetime import date

from articles.library import Article, Library
from articles.readability import INFLESZ_NORMAL, flesch_kincaid_grade, spanish_readability

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
    spanish_scores: tuple[float, float] | None = None  # (INFLESZ, Fernandez-Huerta), Spanish articles only


def article_row(article: Article) -> ArticleRow:
    rendered = article.rendered
    is_spanish = article.language == "es"
    return ArticleRow(
        article=article,
        words=rendered.word_count,
        grade=None if is_spanish else flesch_kincaid_grade(rendered.prose_blocks),
        spanish_scores=spanish_readability(rendered.prose_blocks) if is_spanish else None,
        references=len(rendered.references),
        uncited=len(rendered.references) - len(rendered.cited_ids),
        review_due=article.metadata.next_review,
        has_key_points=bool(rendered.toc) and rendered.toc[0].anchor in ("key-points", "puntos-clave"),
    )


def content_rows(library: Library) -> list[ArticleRow]:
    """Every article (drafts and scheduled ones too), by topic then title."""
    return sorted(
        (article_row(article) for article in library.articles),
        key=lambda row: (row.article.metadata.topic, row.article.title.lower()),
    )


def summary(rows: list[ArticleRow], today: date) -> str:
    overdue = sum(row.review_due < today for row in rows)
    return (
        f"{len(rows)} articles, {sum(row.words for row in rows)} words, {_readability_summary(rows)},"
        f" {sum(row.references for row in rows)} references, {sum(row.uncited for row in rows)} uncited,"
        f" {sum(not row.has_key_points for row in rows)} without key points, {overdue} reviews overdue"
    )


def _readability_summary(rows: list[ArticleRow]) -> str:
    grades = [row.grade for row in rows if row.grade is not None]
    if grades:
        above = sum(grade > GRADE_TARGET for grade in grades)
        mean = sum(grades) / len(grades)
        return f"mean grade {mean:.1f} (max {max(grades):.1f}, {above} above {GRADE_TARGET:g})"
    scores = [row.spanish_scores for row in rows if row.spanish_scores is not None]
    inflesz = [score[0] for score in scores]
    huerta = [score[1] for score in scores]
    below = sum(score < INFLESZ_NORMAL for score in inflesz)
    mean, mean_huerta = (sum(inflesz) / len(inflesz), sum(huerta) / len(huerta)) if scores else (0.0, 0.0)
    return (
        f"mean INFLESZ {mean:.1f} (min {min(inflesz, default=0.0):.1f}, {below} below {INFLESZ_NORMAL:g}),"
        f" mean Fernandez-Huerta {mean_huerta:.1f}"
    )
