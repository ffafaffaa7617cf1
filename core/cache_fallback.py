"""
Cache calls that fail open: when the shared cache (Redis) does not answer, use this process's memory.

Nothing a visitor sends may be lost because the cache blinked, so a cache error never reaches a
view. The fallback counts per process only, which is weaker (each worker counts alone) but keeps
every limit in force; each fallback is logged as a warning so operators see the outage.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

T = TypeVar("T")

_local = LocMemCache("core.cache_fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def cache_call(operation: Callable[[BaseCache], T], *, purpose: str) -> T:
    """Run `operation` on the shared cache, or on this process's memory if the shared one fails."""
    try:
        return operation(cache)
    except Exception as error:  # redis-py raises ConnectionError, TimeoutError and more; any of them means "down"
        logger.warning("cache unavailable for %s (%s); using this process's memory", purpose, type(error).__name__)
        return operation(_local)


def local_clear() -> None:
    """Forget the fallback's entries (tests start each case with none)."""
    _local.clear()
