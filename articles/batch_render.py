"""
Render every article of one load, doing as little as possible: a body is taken, in this order,

1. from the previous snapshot, when its inputs are unchanged (an edit re-renders one file);
2. from the render cache on disk (a restart re-renders nothing);
3. by rendering it: spread over the CPU cores when a cold start has many to do.

Each result is a Rendered bundle, or the problems that kept that one file from rendering.
"""

import logging
import multiprocessing
import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from articles.frontmatter import SourceFile
from articles.glossary import Term
from articles.problems import ContentError, Problem, unexpected_problem
from articles.render_cache import RenderCache, render_key, shared_inputs, still_links_the_same
from articles.rendering import Rendered, render_body

logger = logging.getLogger(__name__)

# Below this many renders, starting worker processes costs more than it saves.
PARALLEL_FROM = 24
Outcome = Rendered | list[Problem]


def render_all(
    sources: list[SourceFile],
    *,
    slugs_by_path: Mapping[Path, str],
    glossary: tuple[Term, ...],
    previous: Mapping[Path, tuple[str, Rendered]],
    cache: RenderCache | None,
    parallel: bool,
) -> dict[Path, tuple[str, Outcome]]:
    """Each source's path mapped to (its render key, its outcome)."""
    shared = shared_inputs(glossary)
    outcomes: dict[Path, tuple[str, Outcome]] = {}
    to_render: list[tuple[str, SourceFile]] = []
    for source in sources:
        key = render_key(source, shared)
        earlier = previous.get(source.path)
        rendered = earlier[1] if earlier is not None and earlier[0] == key else cache.get(key) if cache else None
        if rendered is not None and still_links_the_same(rendered, slugs_by_path):
            outcomes[source.path] = (key, rendered)
        else:
            to_render.append((key, source))
    for (key, source), outcome in zip(to_render, _render(to_render, slugs_by_path, glossary, parallel), strict=True):
        outcomes[source.path] = (key, outcome)
        if cache is not None and isinstance(outcome, Rendered):
            cache.put(key, outcome)
    return outcomes


def _render(jobs: list[tuple[str, SourceFile]], slugs_by_path, glossary, parallel: bool) -> list[Outcome]:
    # Only what a render reads travels to a worker (the metadata holds a read-only mapping pickle refuses).
    tasks = [(s.path, s.body, s.body_first_line, s.metadata.references) for _, s in jobs]
    workers = min(os.cpu_count() or 1, len(tasks) // PARALLEL_FROM)
    if not parallel or workers < 2:
        return [render_one(task, slugs_by_path, glossary) for task in tasks]
    global _shared_by_fork
    _shared_by_fork = (slugs_by_path, glossary)  # inherited by the forked workers, not pickled per task
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return list(pool.map(_render_in_worker, tasks, chunksize=max(1, len(tasks) // (workers * 4))))
    except Exception:  # no fork here, or a worker died: render in this process instead
        logger.warning("content: parallel rendering failed; rendering in one process", exc_info=True)
        return [render_one(task, slugs_by_path, glossary) for task in tasks]
    finally:
        _shared_by_fork = None


_shared_by_fork: tuple | None = None


def _render_in_worker(task: tuple) -> Outcome:
    slugs_by_path, glossary = _shared_by_fork
    return render_one(task, slugs_by_path, glossary)


def render_one(task: tuple, slugs_by_path, glossary) -> Outcome:
    path, body, first_line, references = task
    try:
        return render_body(
            path=path,
            body=body,
            first_line=first_line,
            references=references,
            slugs_by_path=slugs_by_path,
            glossary=glossary,
        )
    except ContentError as error:
        return error.problems
    except Exception as error:  # one body that breaks the renderer must not take the site down
        return [unexpected_problem(path, "rendering", error, line=first_line)]
