"""Fixtures for the fault tests that need no server of their own: a Redis address nobody answers on."""

import socket

import pytest

from tests.clinics.conftest import answers, post_inquiry  # noqa: F401 (the find-a-clinic fixtures, shared)


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
