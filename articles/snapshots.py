"""Values derived from one Library snapshot, owned by the module that needs them.

A search index or a page memo is built from a snapshot and is worthless once the content changes.
Keyed weakly by the snapshot itself, it is built on first use and forgotten with its snapshot, so
the Library stays a plain immutable record of the content folder.
"""

from collections.abc import Callable
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

from articles.library import Library

T = TypeVar("T")


class PerSnapshot(Generic[T]):
    def __init__(self, build: Callable[[Library], T]):
        self._build = build
        self._values: WeakKeyDictionary[Library, T] = WeakKeyDictionary()

    def __call__(self, library: Library) -> T:
        try:
            return self._values[library]
        except KeyError:
            # Two threads may both build on a first use; both results are equal, one is kept.
            value = self._values[library] = self._build(library)
            return value
