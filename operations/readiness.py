"""
Readiness: can this process serve readers right now? Each check answers yes or no and logs why not;
the reason never goes into the HTTP response.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection

from articles.library import get_library

logger = logging.getLogger(__name__)


def database_is_ready() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("readiness: database check failed")
        return False


def cache_is_ready() -> bool:
    """A round trip through the shared cache (Redis in production)."""
    key, value = "readiness-probe", secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=10)
        return cache.get(key) == value
    except Exception:
        logger.exception("readiness: cache check failed")
        return False


def content_is_ready() -> bool:
    """The content folder was read and holds at least one article."""
    try:
        ready = bool(get_library().articles)
    except Exception:
        logger.exception("readiness: content check failed")
        return False
    if not ready:
        logger.error("readiness: no articles loaded")
    return ready


CHECKS = {"database": database_is_ready, "cache": cache_is_ready, "content": content_is_ready}


def readiness_report() -> dict[str, bool]:
    return {name: check() for name, check in CHECKS.items()}
