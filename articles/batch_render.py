"""
Render many article bodies at once: spread over the CPU cores when a cold start has many to do,
in this process otherwise. Each result is a Rendered bundle, or the problems that kept that one
file from rendering.
"""

import gc
import logging
import multiprocessing
import os
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from django.utils import translation

from articles.frontmatter import SourceFile
from articles.glossary import Term
from articles.problems import ContentError, Problem, unexpected_problem
from articles.rendering import Rendered, render_body

logger = logging.getLogger(__name__)

# Below this many renders per worker, starting worker processes costs more than it saves.
PARALLEL_FROM = 24
# Renders handed to a worker at a time: small, so neither worker waits at the end on a batch of long articles.
CHUNK_SIZE = 4
Outcome = Rendered | list[Problem]


def render_many(
    sources: list[SourceFile],
    *,
    slugs_by_path: Mapping[Path, str],
    glossary: tuple[Term, ...],
    language: str,
    parallel: bool,
) -> list[Outcome]:
    """Render in `language`: links and the footnotes' titles use its addresses and words."""
    # Only what a render reads travels to a worker.
    tasks = [
        (source.path, source.body, source.body_first_line, source.metadata.references, language) for source in sources
    ]
    workers = min(os.cpu_count() or 1, len(tasks) // PARALLEL_FROM)
    if not parallel or workers < 2:
        return [render_one(task, slugs_by_path, glossary) for task in tasks]
    global _shared_by_fork
    _shared_by_fork = (slugs_by_path, glossary)  # inherited by the forked workers, not pickled per task
    # The workers inherit this process's objects; frozen, their garbage collections leave them alone
    # instead of walking (and so copying) every inherited page. A freeze made before ours stays.
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return list(pool.map(_render_in_worker, tasks, chunksize=CHUNK_SIZE))
    except Exception:  # no fork here, or a worker died: render in this process instead
        logger.warning("content: parallel rendering failed; rendering in one process", exc_info=True)
        return [render_one(task, slugs_by_path, glossary) for task in tasks]
    finally:
        if not frozen_before:
            gc.unfreeze()
        _shared_by_fork = None


_shared_by_fork: tuple | None = None


def _render_in_worker(task: tuple) -> Outcome:
    slugs_by_path, glossary = _shared_by_fork
    return render_one(task, slugs_by_path, glossary)


def render_one(task: tuple, slugs_by_path, glossary) -> Outcome:
    path, body, first_line, references, language = task
    try:
        with translation.override(language):
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
