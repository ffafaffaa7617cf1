"""Fixtures for the fault tests that need no server of their own: a Redis address nobody answers on."""

import socket

import pytest


def closed_port() -> int:
    """A loopback port with nothing listening: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    """The site configured for a shared Redis cache that is not running."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def database_refuses_writes(db):
    """The real database refusing every write (SQLite's query_only), as a full disk or a lost primary would.

    Yields a function that lets writes through again. The chaos tests (tests/chaos/) stop a real
    PostgreSQL server instead; this is the fast version for every `make test`."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("on PostgreSQL the chaos tests stop a real server instead")

    def recover():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = ON")
    yield recover
    recover()
