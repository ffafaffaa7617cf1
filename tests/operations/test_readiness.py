"""/readyz says 200 only when database, cache and content all work, and 503 naming what failed."""

import pytest
from django.db import connection
from django.db.utils import OperationalError

pytestmark = pytest.mark.django_db

# A Redis nobody listens on: the cache fails for real, quickly.
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
}


@pytest.fixture
def site(write_article):
    write_article("mechanism/how-it-works.md")


def checks(response) -> dict[str, str]:
    return response.json()["checks"]


def test_ready_when_everything_answers(client, site):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"database": "ok", "cache": "ok", "content": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_unavailable_when_the_database_fails(client, site, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused by a secret-host.internal")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert checks(response) == {"database": "fail", "cache": "ok", "content": "ok"}
    assert b"secret-host" not in response.content


def test_unavailable_when_the_cache_fails(client, site, settings):
    settings.CACHES = UNREACHABLE_REDIS
    response = client.get("/readyz")
    assert response.status_code == 503
    assert checks(response) == {"database": "ok", "cache": "fail", "content": "ok"}
    assert b"6379" not in response.content and b"127.0.0.1" not in response.content


def test_unavailable_when_no_content_is_loaded(client, content_dir):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert checks(response) == {"database": "ok", "cache": "ok", "content": "fail"}


def test_unavailable_when_the_content_folder_is_missing(client, settings, tmp_path):
    settings.CONTENT_DIR = tmp_path / "not-there"
    assert checks(client.get("/readyz"))["content"] == "fail"


def test_failures_are_logged_for_operators(client, content_dir, caplog):
    client.get("/readyz")
    assert "readiness: no articles loaded" in caplog.text


def test_readyz_takes_no_posts(client, site):
    assert client.post("/readyz").status_code == 405
