"""
Parsed and rendered articles kept on disk (CONTENT_CACHE_DIR), so a restart with unchanged content
reads them instead of running PyYAML, python-markdown and bleach again.

An entry holds one file's front matter and its Rendered bundle, and is named by a hash of
everything they depend on:

- the renderer: the source code of the modules that turn Markdown into sanitized HTML, and the
  versions of python-markdown, bleach and Python. Any change to the allowlist, the rendering code
  or a library gives every entry a new name, so HTML that today's code would sanitize differently
  is never served;
- the file: its path and its bytes;
- the glossary (any term may be linked) and the static files (image addresses and sizes).

Links to other articles are checked when an entry is read: it records what each of its `.md`
links resolved to, and counts only if they all still resolve the same way, so adding an article
leaves every other entry valid.

Entries are written to a temporary file and renamed into place, so several workers may read and
write the folder at once and never see half an entry; an unreadable or damaged entry is a miss.
Entries are pickles: the folder must be writable by the site's own user only.
"""

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import bleach
import markdown
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from articles import frontmatter, glossary, html_text, rendering, sanitizer
from articles.frontmatter import SourceFile
from articles.glossary import Term
from articles.rendering import Rendered
from embeds import syntax as embed_syntax

logger = logging.getLogger(__name__)

RENDERER_MODULES = (rendering, sanitizer, embed_syntax, glossary, html_text, frontmatter)


@cache
def renderer_version() -> str:
    digest = hashlib.blake2b(digest_size=16)
    for module in RENDERER_MODULES:
        digest.update(Path(module.__file__).read_bytes())
    digest.update(f"{markdown.__version__} {bleach.__version__} {sys.version}".encode())
    return digest.hexdigest()


def static_fingerprint() -> str:
    """Image addresses and sizes come from the static files and the storage that names them."""
    digest = hashlib.blake2b(settings.STORAGES["staticfiles"]["BACKEND"].encode(), digest_size=16)
    for folder in map(Path, settings.STATICFILES_DIRS):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()


def shared_inputs(terms: tuple[Term, ...], language: str) -> str:
    """What every render of one load shares: the renderer, the glossary, the static files, and the
    language's addresses and words (its URL paths and message catalogue)."""
    glossary_digest = hashlib.blake2b(repr(terms).encode(), digest_size=16).hexdigest()
    return f"{renderer_version()}:{glossary_digest}:{static_fingerprint()}:{language_inputs(language)}"


# Every message a render writes into the HTML (rendering.py): a new translation of one renders again.
RENDERED_WORDS = ("Back to the text", "Reference %(number)d")


@cache
def language_inputs(language: str) -> str:
    """A render's links and words in `language`: an article address and the footnote title."""
    with translation.override(language):
        words = " ".join(
            [reverse("articles:detail", args=["x"]), reverse("articles:glossary"), *map(gettext, RENDERED_WORDS)]
        )
    return hashlib.blake2b(words.encode(), digest_size=8).hexdigest()


def entry_key(shared: str, path: Path, data: bytes) -> str:
    digest = hashlib.blake2b(f"{shared}:{path}:".encode(), digest_size=20)
    digest.update(data)
    return digest.hexdigest()


def still_links_the_same(rendered: Rendered, slug_of: Mapping[str, str]) -> bool:
    """`slug_of` maps each content file's resolved path, as a string, to its slug."""
    return all(slug_of.get(target) == slug for target, slug in rendered.link_targets)


class RenderCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def path_for(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> tuple[SourceFile, Rendered] | None:
        try:
            with self.path_for(key).open("rb") as stored:
                entry = pickle.load(stored)  # noqa: S301 - our own folder (see the module docstring)
        except FileNotFoundError:
            return None
        except Exception:  # damaged, truncated, or written by code that no longer exists: render again
            logger.warning("content cache: unreadable entry %s, rendering again", key, exc_info=True)
            return None
        is_entry = isinstance(entry, tuple) and len(entry) == 2
        return entry if is_entry and isinstance(entry[0], SourceFile) and isinstance(entry[1], Rendered) else None

    def put(self, key: str, source: SourceFile, rendered: Rendered) -> None:
        path = self.path_for(key)
        temporary = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as temporary:
                pickle.dump((source, rendered), temporary, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary.name, path)  # atomic: readers see the old entry or the new one, never half
        except OSError:
            logger.warning("content cache: could not write %s; the site serves on without it", path, exc_info=True)
            if temporary is not None:
                Path(temporary.name).unlink(missing_ok=True)


def cache_from_settings() -> RenderCache | None:
    folder = settings.CONTENT_CACHE_DIR
    return RenderCache(Path(folder)) if folder else None
