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
    if not only:
        return problems
    wanted = [path.resolve() for path in only]
    return [
        problem
        for problem in problems
        if any(problem.path.resolve() == path or problem.path.resolve().is_relative_to(path) for path in wanted)
    ]
