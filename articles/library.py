"""
Every article, parsed and rendered once, indexed for the views.

`get_library()` is the one place that knows where articles live: English files in the content
folder, each other edition's in its own subfolder (`content/es/`), one Library per language. It re-reads a folder
when a file is added, changed, renamed or removed (checked at most every CONTENT_CHECK_INTERVAL
seconds, by file names, sizes and modification times), so editors see their change on the next
request without a restart. A file that cannot become an article is logged and skipped; every
other article keeps serving.
"""

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from django.conf import settings

from articles.batch_render import render_many
from articles.frontmatter import Metadata, SourceFile, decode_content, parse_source, read_content_bytes
from articles.glossary import GLOSSARY_FILE, Term, load_glossary
from articles.problems import ContentError, Problem, unexpected_problem
from articles.render_cache import RenderCache, cache_from_settings, entry_key, shared_inputs, still_links_the_same
from articles.rendering import Rendered, normalised
from articles.synonyms import SYNONYMS_FILE, Synonym, load_synonyms
from articles.topics import TOPICS, TOPICS_BY_SLUG, Topic
from core.languages import current_language, other_languages, reverse_in

logger = logging.getLogger(__name__)

Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Article:
    slug: str
    path: Path
    metadata: Metadata
    rendered: Rendered
    language: str = settings.LANGUAGE_CODE

    @property
    def title(self) -> str:
        return self.metadata.title

    @property
    def summary(self) -> str:
        return self.metadata.summary

    @property
    def topic(self) -> Topic:
        return TOPICS_BY_SLUG[self.metadata.topic]

    @cached_property
    def url(self) -> str:
        return reverse_in(self.language, "articles:detail", (self.slug,))

    def is_public(self, today: date) -> bool:
        """Published articles only: not a draft and not scheduled for a later day."""
        return not self.metadata.draft and self.metadata.published <= today

    def is_review_overdue(self, today: date) -> bool:
        return self.metadata.next_review < today


class Library:
    """An immutable snapshot of the content folder. What is derived from it (the search index, the
    page memo) belongs to the module that derives it (`articles.snapshots.PerSnapshot`)."""

    def __init__(
        self,
        articles: list[Article],
        problems: list[Problem],
        fingerprint: Fingerprint = (),
        glossary: tuple[Term, ...] = (),
        entries: dict[Path, "_Entry"] | None = None,
        synonyms: tuple[Synonym, ...] = (),
        editor_files: "_EditorFiles | None" = None,
        language: str = settings.LANGUAGE_CODE,
    ):
        self.language = language
        self.glossary = glossary
        self.synonyms = synonyms
        self.editor_files = editor_files  # for the next load: reused while both files are unchanged
        # Each file's parse and render, so the next load can reuse the unchanged ones.
        self.entries = entries or {}
        self.articles = tuple(sorted(articles, key=lambda article: (article.metadata.order, article.title.lower())))
        self.problems = tuple(sorted(problems))
        self.fingerprint = fingerprint
        self.by_slug = {article.slug: article for article in self.articles}
        self.aliases: dict[str, str] = {}
        for article in self.articles:
            for alias in article.metadata.aliases:
                if alias not in self.by_slug:  # a clash is reported at load; the first owner keeps it
                    self.aliases.setdefault(alias, article.slug)

    def get(self, slug: str) -> Article | None:
        return self.by_slug.get(slug)

    def public(self, today: date) -> tuple[Article, ...]:
        """Articles a reader may see today, in reading order (`order`, then title)."""
        return tuple(article for article in self.articles if article.is_public(today))

    def public_by_topic(self, today: date) -> list[tuple[Topic, list[Article]]]:
        grouped = defaultdict(list)
        for article in self.public(today):
            grouped[article.metadata.topic].append(article)
        return [(topic, grouped[topic.slug]) for topic in TOPICS if grouped[topic.slug]]

    def public_with_tag(self, tag: str, today: date) -> list[Article]:
        return [article for article in self.public(today) if tag in article.metadata.tags]


@dataclass(frozen=True)
class _Entry:
    """One file as this load knows it: its cache key, its front matter and body, and its render
    (None while it still has to be rendered)."""

    key: str
    source: SourceFile
    rendered: Rendered | None = None
    stat: tuple[int, int] = (0, 0)  # modification time and size when read: unchanged means unchanged bytes
    shared: str = ""  # the renderer, glossary and static files it was keyed with (render_cache.shared_inputs)


def load_library(
    content_dir: Path,
    previous: Library | None = None,
    cache: RenderCache | None = None,
    fingerprint: Fingerprint | None = None,
    language: str = settings.LANGUAGE_CODE,
) -> Library:
    """Read, validate and render every Markdown file below `content_dir`.

    Parsing and rendering are the costly steps, so a file is parsed again only when its bytes (or
    the renderer, glossary or static files) changed since `previous` and `cache` holds no entry for
    it, and rendered again only then or when one of its links now resolves differently: editing one
    file re-renders one file, and a restart re-renders nothing. `content_dir` holds the `language`
    edition (`content_dir_for`); the default edition's folder skips the others' subfolders."""
    fingerprint = fingerprint_of(content_dir) if fingerprint is None else fingerprint
    editor_files = _editor_files(content_dir, fingerprint, previous)
    glossary, synonyms = editor_files.glossary, editor_files.synonyms
    problems = list(editor_files.problems)
    earlier = previous.entries if previous is not None else {}
    entries = _read_all(fingerprint, shared_inputs(glossary, language), earlier, cache, problems)
    accepted = {source.path for source in _accepted_sources([entry.source for entry in entries], problems)}
    entries = [entry for entry in entries if entry.source.path in accepted]
    slugs_by_path = {normalised(entry.source.path): entry.source.path.stem for entry in entries}
    slug_of = {str(path): slug for path, slug in slugs_by_path.items()}
    stale = [entry for entry in entries if entry.rendered is None or not still_links_the_same(entry.rendered, slug_of)]
    outcomes = render_many(
        [entry.source for entry in stale],
        slugs_by_path=slugs_by_path,
        glossary=glossary,
        language=language,
        parallel=previous is None,  # forking is for cold starts; a reload re-renders a file or two
    )
    rendered_now = {}
    for entry, outcome in zip(stale, outcomes, strict=True):
        rendered_now[entry.source.path] = outcome
        if cache is not None and isinstance(outcome, Rendered):
            cache.put(entry.key, entry.source, outcome)
    articles, kept = [], {}
    for entry in entries:
        path = entry.source.path
        rendered = rendered_now.get(path, entry.rendered)
        if not isinstance(rendered, Rendered):
            problems.extend(rendered)
            continue
        kept[path] = entry if rendered is entry.rendered else replace(entry, rendered=rendered)
        problems.extend(rendered.problems)
        earlier_article = previous.by_slug.get(path.stem) if previous is not None else None
        unchanged = (
            earlier_article is not None and earlier_article.rendered is rendered and earlier_article.path == path
        )
        article = earlier_article if unchanged else Article(path.stem, path, entry.source.metadata, rendered, language)
        articles.append(article)
    problems += _missing_sections(articles)
    return Library(
        articles,
        problems,
        fingerprint,
        glossary,
        entries=kept,
        synonyms=synonyms,
        editor_files=editor_files,
        language=language,
    )


@dataclass(frozen=True)
class _EditorFiles:
    """The glossary and the synonyms as one load read them, with the stats they were read at."""

    stats: tuple
    glossary: tuple[Term, ...] = ()
    synonyms: tuple[Synonym, ...] = ()
    problems: tuple[Problem, ...] = ()


def _editor_files(content_dir: Path, fingerprint: Fingerprint, previous: Library | None) -> _EditorFiles:
    """Read again only when one of the two files changed since `previous`."""
    names = {str(content_dir / GLOSSARY_FILE), str(content_dir / SYNONYMS_FILE)}
    stats = tuple(entry for entry in fingerprint if entry[0] in names)
    if previous is not None and previous.editor_files is not None and previous.editor_files.stats == stats:
        return previous.editor_files
    glossary, problems = _load_safely(load_glossary, content_dir / GLOSSARY_FILE)
    synonyms, synonym_problems = _load_safely(load_synonyms, content_dir / SYNONYMS_FILE)
    return _EditorFiles(stats, glossary, synonyms, tuple(problems + synonym_problems))


def _read_all(
    fingerprint: Fingerprint,
    shared: str,
    earlier: dict[Path, _Entry],
    cache: RenderCache | None,
    problems: list[Problem],
) -> list[_Entry]:
    """Every content file in the fingerprint as an entry: from the previous snapshot or the cache
    when its bytes are unchanged, parsed otherwise. A file that cannot be read or parsed becomes
    problems instead."""
    entries = []
    for name, mtime, size in fingerprint:
        if not name.endswith(".md"):
            continue  # the glossary and the synonyms
        path = Path(name)
        try:
            entry = earlier.get(path)
            if entry is not None and entry.stat == (mtime, size) and entry.shared == shared:
                entries.append(entry)  # untouched since the last load: not even read
                continue
            data = read_content_bytes(path)
            key = entry_key(shared, path, data)
            if entry is None or entry.key != key:
                stored = cache.get(key) if cache is not None else None
                entry = _Entry(key, *stored) if stored else _Entry(key, parse_source(path, decode_content(path, data)))
            entries.append(replace(entry, stat=(mtime, size), shared=shared))
        except OSError as error:  # removed or unreadable while we scanned
            problems.append(Problem(path, 1, f"file could not be read ({error.strerror})"))
        except ContentError as error:
            problems.extend(error.problems)
        except Exception as error:  # a bug or a pathological file: that file is skipped, the rest still serve
            problems.append(unexpected_problem(path, "reading", error))
    return entries


def _load_safely(load: Callable[[Path], tuple[tuple, list[Problem]]], path: Path) -> tuple[tuple, list[Problem]]:
    """The glossary or the synonyms; if reading fails, articles still serve without them."""
    try:
        return load(path)
    except Exception as error:
        return (), [unexpected_problem(path, "reading", error)]


def _missing_sections(articles: list[Article]) -> list[Problem]:
    """Links to `other.md#section` whose section heading does not exist (the link still goes to the page)."""
    by_slug = {article.slug: article for article in articles}
    anchors: dict[str, frozenset[str]] = {}  # only of the articles that are linked to by section
    problems = []
    for article in articles:
        for link in article.rendered.section_links:
            target = by_slug.get(link.slug)
            if target is None:
                continue
            if link.slug not in anchors:
                anchors[link.slug] = target.rendered.anchors
            if link.anchor not in anchors[link.slug]:
                problems.append(
                    Problem(article.path, link.line, f"link to a missing section: {link.slug}#{link.anchor}")
                )
    return problems


def content_dir_for(content_root: Path, language: str) -> Path:
    """Where one edition's files live: the default language's in the content folder itself."""
    return content_root if language == settings.LANGUAGE_CODE else content_root / language


def content_files(content_dir: Path) -> list[Path]:
    """Markdown files below `content_dir`, skipping hidden files and folders (editor temp files) and,
    in the default edition's folder, the other editions' subfolders."""
    if not content_dir.is_dir():
        return []
    prefix = len(str(content_dir))
    editions = tuple(f"/{language}/" for language in other_languages(settings.LANGUAGE_CODE))
    return sorted(
        path
        for path in content_dir.rglob("*.md")
        if "/." not in (inside := str(path)[prefix:]) and not inside.startswith(editions)
    )


def fingerprint_of(content_dir: Path) -> Fingerprint:
    """Cheap summary of the folder: any add, edit, rename or delete changes it."""
    entries = []
    for path in [*content_files(content_dir), content_dir / GLOSSARY_FILE, content_dir / SYNONYMS_FILE]:
        try:
            stat = path.stat()
        except OSError:  # deleted (or made unreadable) while we looked
            continue
        entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


def _accepted_sources(sources: list[SourceFile], problems: list[Problem]) -> list[SourceFile]:
    """Drop files whose slug repeats an earlier one; report aliases that clash."""
    accepted, first_path_for = [], {}
    for source in sources:
        slug = source.path.stem
        if slug in first_path_for:
            problems.append(Problem(source.path, 1, f"duplicate slug '{slug}': {first_path_for[slug]} has it too"))
            continue
        first_path_for[slug] = source.path
        accepted.append(source)
    owner_of_alias = {}
    for source in accepted:
        for alias in source.metadata.aliases:
            clash = first_path_for.get(alias) or owner_of_alias.get(alias)
            if clash:
                problems.append(Problem(source.path, 1, f"alias '{alias}' is already used by {clash}"))
            owner_of_alias[alias] = source.path
    return accepted


class _LibraryHolder:
    """Keeps the current Library for one edition's folder and reloads it when the folder changes."""

    def __init__(self, configured: str | Path, language: str):
        self.configured = configured  # the setting as given, compared cheaply on every request
        self.language = language
        self.content_dir = content_dir_for(Path(configured), language)
        self.library: Library | None = None
        self.checked_at = 0.0
        self.lock = threading.Lock()

    def get(self, check_interval: float) -> Library:
        now = time.monotonic()
        if self.library is not None and now - self.checked_at < check_interval:
            return self.library
        with self.lock:
            fingerprint = fingerprint_of(self.content_dir)
            if self.library is None or fingerprint != self.library.fingerprint:
                self.reload(fingerprint)
            self.checked_at = time.monotonic()
            return self.library

    def reload(self, fingerprint: Fingerprint) -> None:
        try:
            self.library = load_library(
                self.content_dir,
                previous=self.library,
                cache=cache_from_settings(),
                fingerprint=fingerprint,
                language=self.language,
            )
        except Exception:
            # Per-file faults are caught inside; this is the folder itself failing. Keep serving what we had.
            logger.exception("content: could not read %s; serving the articles loaded before", self.content_dir)
            if self.library is None:
                self.library = Library([], [], language=self.language)
            return
        self.log_loaded()

    def log_loaded(self) -> None:
        for problem in self.library.problems:
            logger.warning("content: %s", problem.format(self.content_dir))
        logger.info("content: loaded %d articles from %s", len(self.library.articles), self.content_dir)


_holders: dict[str, _LibraryHolder] = {}


def get_library(language: str | None = None) -> Library:
    """The current Library of one edition (by default the active language's) in settings.CONTENT_DIR."""
    language = language or current_language()
    configured = settings.CONTENT_DIR
    holder = _holders.get(language)
    if holder is None or holder.configured != configured:
        holder = _holders[language] = _LibraryHolder(configured, language)
    return holder.get(settings.CONTENT_CHECK_INTERVAL)
