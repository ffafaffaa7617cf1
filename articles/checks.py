"""Problems an editor should hear about, beyond those found while loading (they need a date or the whole library)."""

import re
from datetime import date
from pathlib import Path

from articles.frontmatter import read_content_file
from articles.library import Article, Library
from articles.problems import WARNING, ContentError, Problem
from articles.search import index_for
from articles.translations import translation_problems, translations_by_original

# The "Questions people ask" page: every question on it must link to the section that answers it.
QUESTIONS_PAGE = "questions-people-ask"
QUESTION_HEADING = re.compile(r"^### +(.+?)\s*$")
SECTION_LINK = re.compile(r"\]\([^)\s]*\.md#[^)\s]+\)")


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


def synonym_problems(library: Library) -> list[Problem]:
    """An error for every synonym that points to a word no article uses: it would match nothing."""
    index = index_for(library)
    return [
        Problem(synonym.path, synonym.line, f"'{word}' (for '{synonym.typed}') is not a word any article uses")
        for synonym in library.synonyms
        for word in synonym.article_words
        if index.analyzer.term(word) not in index.idf
    ]


def question_problems(library: Library) -> list[Problem]:
    """An error for every question on the questions page that does not link to an article section."""
    page = library.get(QUESTIONS_PAGE) or translations_by_original(library).get(QUESTIONS_PAGE)
    return _unlinked_questions(page) if page is not None else []


def _unlinked_questions(page: Article) -> list[Problem]:
    try:
        lines = read_content_file(page.path).split("\n")
    except (OSError, ContentError):  # already reported by the load
        return []
    problems, question = [], None
    for number, line in enumerate([*lines, "## end"], start=1):
        if line.startswith("#"):
            if question is not None:
                problems.append(Problem(page.path, question[0], f"question '{question[1]}' links to no section"))
            match = QUESTION_HEADING.match(line)
            question = (number, match.group(1)) if match else None
        elif question is not None and SECTION_LINK.search(line):
            question = None
    return problems


def all_problems(library: Library, today: date, only: list[Path] | None = None) -> list[Problem]:
    """Every problem in the library, limited to files at or below the `only` paths when given."""
    found = [*library.problems, *review_problems(library, today), *synonym_problems(library)]
    problems = sorted([*found, *question_problems(library)])
    return [problem for problem in problems if is_within(problem.path, only)]


def edition_problems(
    libraries: dict[str, Library], original: str, today: date, only: list[Path] | None = None
) -> list[Problem]:
    """Every problem in every edition, and each translation checked against the `original` edition."""
    problems = [problem for library in libraries.values() for problem in all_problems(library, today, only)]
    for language, library in libraries.items():
        if language != original:
            found = translation_problems(libraries[original], library)
            problems += [problem for problem in found if is_within(problem.path, only)]
    return sorted(problems)


def is_within(path: Path, only: list[Path] | None) -> bool:
    """Whether `path` is one of the `only` files or folders, or below one (always true without `only`)."""
    if not only:
        return True
    resolved = path.resolve()
    return any(resolved.is_relative_to(wanted.resolve()) for wanted in only)
