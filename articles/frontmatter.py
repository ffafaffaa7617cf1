"""
The front-matter contract: split a content file, parse its YAML, validate every field.

Every problem names the file and the line it is on, so `check_content` can print
`path:line: message`. Dates are validated here rather than by YAML (which would raise on
`2026-02-30` without a line number), so YAML's own date parsing is switched off.
"""

# Annotations stay unevaluated: `_Validator.date` would otherwise shadow `datetime.date` in its own
# signature once mutmut (`make mutate`) renames the method.
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from django.utils.translation import gettext

from articles.problems import ContentError, Problem
from articles.topics import TOPICS_BY_SLUG

FENCE = "---"
MAX_TITLE = 90
MAX_SUMMARY = 200
MAX_TAG = 40
# YAML also breaks lines at these; editors do not, so they would shift every line number after them.
YAML_ONLY_LINE_BREAKS = {0x85: " ", 0x2028: " ", 0x2029: " "}
MAX_FILE_BYTES = 256 * 1024  # ten times the longest real article; a runaway file would stall every load
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_PATTERN = re.compile(r"^\d{1,9}$")
URL_PATTERN = re.compile(r"^https?://[^\s/$.?#].\S*$", re.IGNORECASE)

REQUIRED_FIELDS = ("title", "summary", "topic", "published", "updated", "next_review")
OPTIONAL_FIELDS = ("tags", "reviewed", "reviewer", "draft", "aliases", "order", "references", "translation_of")
DEFAULT_ORDER = 100
REFERENCE_FIELDS = ("id", "citation", "doi", "pmid", "url")
DOI_RESOLVER = "https://doi.org/"
PUBMED_BASE = "https://pubmed.ncbi.nlm.nih.gov/"


@dataclass(frozen=True)
class Reference:
    id: str
    citation: str
    doi: str = ""
    pmid: str = ""
    url: str = ""
    line: int = field(default=0, compare=False)  # where it is declared, for problem reports

    @property
    def links(self) -> tuple[tuple[str, str], ...]:
        """(label, address) pairs a reader can follow to check the source."""
        links = []
        if self.doi:
            links.append((f"doi:{self.doi}", f"{DOI_RESOLVER}{self.doi}"))
        if self.pmid:
            links.append((f"PubMed {self.pmid}", f"{PUBMED_BASE}{self.pmid}/"))
        if self.url:
            links.append((gettext("Source"), self.url))
        return tuple(links)


@dataclass(frozen=True)
class Metadata:
    title: str
    summary: str
    topic: str
    published: date
    updated: date
    next_review: date
    tags: tuple[str, ...] = ()
    reviewed: date | None = None
    reviewer: str = ""
    draft: bool = False
    aliases: tuple[str, ...] = ()
    order: int = DEFAULT_ORDER  # position within the topic, lower first; ties sort by title
    references: tuple[Reference, ...] = ()
    translation_of: str = ""  # in a translation (content/es/): the slug of the English original
    field_lines: Mapping[str, int] = field(default_factory=dict, compare=False)  # for problem reports


@dataclass(frozen=True)
class SourceFile:
    """A content file split into its parts, with the line on which the body starts."""

    path: Path
    metadata: Metadata
    body: str
    body_first_line: int


# libyaml's C parser is about ten times faster than PyYAML's own, and its nodes keep their line
# numbers; PyYAML without libyaml falls back to the pure-Python loader.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoDatesLoader(SafeLoader):
    """A safe loader that leaves dates as strings, so we can validate them with a line number."""


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_text(text: str) -> str:
    """Text as saved by any editor, made plain: no byte-order mark, and every line break a "\\n".

    Windows editors write CRLF and often a UTF-8 BOM; old Mac ones write CR. Only these three line
    breaks count, so line numbers in reports match what the editor shows."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def compose_yaml_file(path: Path) -> tuple[yaml.Node | None, list[Problem]]:
    """The YAML node of a whole editor's file (the glossary, the synonyms), or the problem with it.
    A missing or empty file is no node and no problem."""
    if not path.is_file():
        return None, []
    try:
        return yaml.compose(editor_text(path.read_text(encoding="utf-8")), Loader=SafeLoader), []
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        return None, [Problem(path, mark.line + 1 if mark else 1, f"invalid YAML: {getattr(error, 'problem', error)}")]


def read_content_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        message = f"file is {len(data) // 1024} KiB; an article must be under {MAX_FILE_BYTES // 1024} KiB"
        raise ContentError([Problem(path, 1, message)])
    return data


def decode_content(path: Path, data: bytes) -> str:
    """A content file's text; a file that is not UTF-8 is reported on the line of its first bad byte."""
    try:
        return editor_text(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = f"file is not UTF-8 text ({error.reason}): save it as UTF-8"
        raise ContentError([Problem(path, line, message)]) from None


def read_content_file(path: Path) -> str:
    return decode_content(path, read_content_bytes(path))


def parse_source(path: Path, text: str) -> SourceFile:
    """Split and validate one content file; raise ContentError listing every problem."""
    yaml_text, body, yaml_first_line, body_first_line = _split(path, editor_text(text))
    node = _compose(path, yaml_text, yaml_first_line)
    metadata = _Validator(path, node, yaml_first_line).metadata()
    slug_problem = slug_problem_for(path)
    if slug_problem:
        raise ContentError([slug_problem])
    return SourceFile(path=path, metadata=metadata, body=body, body_first_line=body_first_line)


def slug_problem_for(path: Path) -> Problem | None:
    if SLUG_PATTERN.match(path.stem):
        return None
    return Problem(path, 1, f"file name {path.name!r} must be lowercase words joined by hyphens, ending in .md")


def add_months(day: date, months: int) -> date:
    """`day` moved on by whole months, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def _split(path: Path, text: str) -> tuple[str, str, int, int]:
    # Not str.splitlines(): it also breaks at form feeds and U+2028, which editors do not count as lines.
    lines = text.split("\n")
    if lines[0].strip() != FENCE:
        raise ContentError([Problem(path, 1, "file must start with a '---' line opening the front matter")])
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == FENCE:
            yaml_text = "\n".join(lines[1:index]) + "\n"
            body = "\n".join(lines[index + 1 :])
            return yaml_text, body, 2, index + 2
    raise ContentError([Problem(path, 1, "front matter is never closed: add a '---' line after it")])


def _compose(path: Path, yaml_text: str, first_line: int) -> yaml.MappingNode:
    try:
        node = yaml.compose(yaml_text.translate(YAML_ONLY_LINE_BREAKS), Loader=_NoDatesLoader)
    except yaml.reader.ReaderError as error:  # a character YAML refuses; it has no mark, and libyaml counts bytes
        line = first_line + yaml_text.count("\n", 0, yaml_text.find(chr(error.character)))
        reason = f"unacceptable character #x{error.character:04x}: {error.reason}"
        raise ContentError([Problem(path, line, f"invalid YAML: {reason}")]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = first_line + mark.line if mark else first_line
        reason = getattr(error, "problem", None) or str(error)
        raise ContentError([Problem(path, line, f"invalid YAML: {reason}")]) from None
    if not isinstance(node, yaml.MappingNode):
        raise ContentError([Problem(path, first_line, "front matter must be a set of 'key: value' lines")])
    return node


class _Validator:
    """Walks the composed YAML node, collecting every problem before giving up."""

    def __init__(self, path: Path, node: yaml.MappingNode, first_line: int):
        self.path = path
        self.first_line = first_line
        self.problems: list[Problem] = []
        self.fields: dict[str, yaml.Node] = {}
        self.key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in self.fields:
                self.problem(key_node, f"'{key}' appears twice")
            self.fields[key] = value_node
            self.key_lines[key] = self.line(key_node)

    def line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def problem(self, node_or_line: yaml.Node | int, message: str) -> None:
        line = node_or_line if isinstance(node_or_line, int) else self.line(node_or_line)
        self.problems.append(Problem(self.path, line, message))

    def metadata(self) -> Metadata:
        for key, line in self.key_lines.items():
            if key not in REQUIRED_FIELDS and key not in OPTIONAL_FIELDS:
                self.problem(line, f"unknown field '{key}' (allowed: {', '.join(REQUIRED_FIELDS + OPTIONAL_FIELDS)})")
        for key in REQUIRED_FIELDS:
            if key not in self.fields:
                self.problem(self.first_line, f"missing required field '{key}'")
        values = {
            "title": self.text("title", max_length=MAX_TITLE),
            "summary": self.text("summary", max_length=MAX_SUMMARY),
            "topic": self.topic(),
            "published": self.date("published"),
            "updated": self.date("updated"),
            "next_review": self.date("next_review"),
            "tags": self.text_list("tags", pattern=None),
            "reviewed": self.date("reviewed"),
            "reviewer": self.text("reviewer", allow_empty=True) or "",
            "draft": self.boolean("draft"),
            "aliases": self.text_list("aliases", pattern=SLUG_PATTERN),
            "order": self.whole_number("order", default=DEFAULT_ORDER),
            "references": self.references(),
            "translation_of": self.text("translation_of") or "",
        }
        self.check_dates(values)
        if self.problems:
            raise ContentError(self.problems)
        return Metadata(**values, field_lines=dict(self.key_lines))

    # Field readers: each returns a clean value, or None after recording a problem.

    def scalar(self, key: str) -> tuple[yaml.Node | None, str | None]:
        node = self.fields.get(key)
        if node is None:
            return None, None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"'{key}' must be a single value, not a list or mapping")
            return node, None
        return node, node.value

    def text(self, key: str, *, max_length: int | None = None, allow_empty: bool = False) -> str | None:
        node, value = self.scalar(key)
        if value is None:
            return None
        value = value.strip()
        if not value and not allow_empty:
            self.problem(node, f"'{key}' must not be empty")
            return None
        if max_length and len(value) > max_length:
            self.problem(node, f"'{key}' is {len(value)} characters; keep it to {max_length} or fewer")
        return value

    def topic(self) -> str | None:
        node, value = self.scalar("topic")
        if value is not None and value not in TOPICS_BY_SLUG:
            self.problem(node, f"unknown topic '{value}' (choose one of: {', '.join(TOPICS_BY_SLUG)})")
            return None
        return value

    def date(self, key: str) -> date | None:
        node, value = self.scalar(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.problem(node, f"'{key}' must be a real date written YYYY-MM-DD, not {value!r}")
            return None

    def boolean(self, key: str) -> bool:
        node, value = self.scalar(key)
        if value is None:
            return False
        if value.lower() not in ("true", "false"):
            self.problem(node, f"'{key}' must be true or false, not {value!r}")
            return False
        return value.lower() == "true"

    def whole_number(self, key: str, *, default: int) -> int:
        node, value = self.scalar(key)
        if value is None:
            return default
        if not value.strip().isdigit():
            self.problem(node, f"'{key}' must be a whole number, not {value!r}")
            return default
        return int(value)

    def text_list(self, key: str, *, pattern: re.Pattern | None) -> tuple[str, ...]:
        node = self.fields.get(key)
        if node is None:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"'{key}' must be a list, for example [one, two]")
            return ()
        items = []
        for item in node.value:
            value = item.value.strip() if isinstance(item, yaml.ScalarNode) else ""
            if not value or len(value) > MAX_TAG:
                self.problem(item, f"each item in '{key}' must be a short piece of text")
            elif pattern and not pattern.match(value):
                self.problem(item, f"'{value}' in '{key}' must be lowercase words joined by hyphens")
            else:
                items.append(value)
        return tuple(items)

    def references(self) -> tuple[Reference, ...]:
        node = self.fields.get("references")
        if node is None:
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "'references' must be a list of entries with id and citation")
            return ()
        references, seen = [], set()
        for item in node.value:
            reference = self.reference(item)
            if reference is None:
                continue
            if reference.id in seen:
                self.problem(item, f"reference id '{reference.id}' is used twice")
                continue
            seen.add(reference.id)
            references.append(reference)
        return tuple(references)

    def reference(self, node: yaml.Node) -> Reference | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "each reference must have 'id' and 'citation' fields")
            return None
        fields = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key not in REFERENCE_FIELDS:
                self.problem(key_node, f"unknown reference field '{key}' (allowed: {', '.join(REFERENCE_FIELDS)})")
            elif not isinstance(value_node, yaml.ScalarNode) or not value_node.value.strip():
                self.problem(value_node, f"reference field '{key}' must be a single non-empty value")
            else:
                fields[key] = value_node.value.strip()
        checks = (
            ("id", SLUG_PATTERN, "reference id must be lowercase letters, digits and hyphens"),
            ("doi", DOI_PATTERN, "doi must look like 10.1234/abc (without https://doi.org/)"),
            ("pmid", PMID_PATTERN, "pmid must be digits only"),
            ("url", URL_PATTERN, "url must start with http:// or https://"),
        )
        problems_before = len(self.problems)
        for key, pattern, message in checks:
            if key in fields and not pattern.match(fields[key]):
                self.problem(node, f"{message}: {fields[key]!r}")
        if "id" not in fields or "citation" not in fields:
            self.problem(node, "each reference must have 'id' and 'citation' fields")
        elif not any(key in fields for key in ("doi", "pmid", "url")):
            self.problem(node, f"reference '{fields['id']}' needs a doi, pmid or url so readers can check it")
        if len(self.problems) > problems_before:
            return None
        return Reference(**fields, line=self.line(node))

    def check_dates(self, values: dict) -> None:
        published, updated, next_review = values["published"], values["updated"], values["next_review"]
        if published and updated and updated < published:
            self.problem(self.key_lines["updated"], "'updated' is earlier than 'published'")
        if updated and next_review:
            latest = add_months(updated, 12)
            if next_review > latest:
                self.problem(
                    self.key_lines["next_review"],
                    f"'next_review' must be at most 12 months after 'updated' (by {latest.isoformat()})",
                )
            elif next_review < updated:
                self.problem(self.key_lines["next_review"], "'next_review' is earlier than 'updated'")
