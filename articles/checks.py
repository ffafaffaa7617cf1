"""Problems an editor should hear about, beyond those found while loading (which need a date)."""

from datetime import date
from pathlib import Path

from articles.library import Library
from articles.problems import WARNING, Problem


def review_problems(library: Library, today: date) -> list[Problem]:
    """A warning for every article whose review date has passed."""
    return [
        Problem(
            article.path,
            article.metadata.field_lines.get("next_review", 1),
            f"review overdue: next_review was {article.metadata.next_review.isoformat()}",
            WARNING,
        )
        for article in library.articles
        if article.is_review_overdue(today)
    ]


def all_problems(library: Library, today: date, only: list[Path] | None = None) -> list[Problem]:
    """Every problem in the library, limited to files at or below the `only` paths when given."""
    problems = sorted([*library.problems, *review_problems(library, today)])
    return [problem for problem in problems if is_within(problem.path, only)]


def is_within(path: Path, only: list[Path] | None) -> bool:
    """Whether `path` is one of the `only` files or folders, or below one (always true without `only`)."""
    if not only:
        return True
    resolved = path.resolve()
    return any(resolved.is_relative_to(wanted.resolve()) for wanted in only)
