"""A problem found in a content file, reported to editors as `path:line: message`."""

import logging
from dataclasses import dataclass
from pathlib import Path

# Problems are found while the library loads; they are logged under its name, as they always were.
logger = logging.getLogger("articles.library")

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: Path
    line: int
    message: str
    severity: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self, relative_to: Path | None = None) -> str:
        path = self.path
        if relative_to is not None and path.is_relative_to(relative_to):
            path = path.relative_to(relative_to)
        prefix = "" if self.is_error else "warning: "
        return f"{path}:{self.line}: {prefix}{self.message}"


class ContentError(Exception):
    """Raised when a file cannot become an article; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.format() for p in problems))
        self.problems = problems


def unexpected_problem(path: Path, stage: str, error: Exception, line: int = 1) -> Problem:
    """An exception no check foresaw, as a problem with that file; the traceback goes to the log."""
    logger.error("content: %s failed while %s", path, stage, exc_info=error)
    return Problem(path, line, f"this file was skipped: {stage} it failed ({type(error).__name__}: {error})")


def line_of(text: str, needle: str, first_line: int = 1) -> int:
    """The line on which `needle` first appears in `text` (or `first_line` if it does not)."""
    index = text.find(needle)
    return first_line if index < 0 else first_line + text.count("\n", 0, index)
