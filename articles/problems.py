"""A problem found in a content file, reported to editors as `path:line: message`."""

from dataclasses import dataclass
from pathlib import Path

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


def line_of(text: str, needle: str, first_line: int = 1) -> int:
    """The line on which `needle` first appears in `text` (or `first_line` if it does not)."""
    index = text.find(needle)
    return first_line if index < 0 else first_line + text.count("\n", 0, index)
