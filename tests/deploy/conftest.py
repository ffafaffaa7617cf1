"""
The production stack with its cache tier: gunicorn (gunicorn.conf.py, production settings) behind
nginx running deploy/nginx/ketamine.conf. Marked `deploy`, so a plain `pytest` leaves these out:
`make test-deploy` runs them (CI too, after installing nginx with apt).
"""

import shutil

import pytest

from bench.proxy import HOW_TO_INSTALL, caching_proxy, nginx_available
from bench.server import REPO, production_server
from tests.chaos.servers import Redis
from tests.conftest import make_article
from tests.deploy.web import create_superuser

# Short lifetimes, so a test can watch a page expire.
SHARED_CACHE_SECONDS = 2
SHARED_CACHE_STALE_SECONDS = 1
CONTENT_CHECK_INTERVAL_MS = 200
STAFF = ("editor", "a-long-test-password-4f9c")
ADMIN_PATH = "admin/"
DRAFT_SLUG = "unpublished-draft"
DRAFT_TITLE = "An unpublished draft for editors"


@pytest.fixture(scope="session")
def content_dir(tmp_path_factory):
    """A copy of the site's articles that the tests may edit, plus one draft."""
    folder = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(REPO / "content", folder)
    (folder / "mechanism" / f"{DRAFT_SLUG}.md").write_text(make_article(title=DRAFT_TITLE, draft="true"))
    return folder


def app_settings(content_dir, tmp_path_factory, **extra: str) -> dict:
    """The production settings as the README's production environment sets them behind one proxy."""
    return {
        "CONTENT_DIR": str(content_dir),
        "CONTENT_CACHE_DIR": str(tmp_path_factory.mktemp("renders")),
        "CONTENT_CHECK_INTERVAL_MS": str(CONTENT_CHECK_INTERVAL_MS),
        "SHARED_CACHE_SECONDS": str(SHARED_CACHE_SECONDS),
        "SHARED_CACHE_STALE_SECONDS": str(SHARED_CACHE_STALE_SECONDS),
        "DJANGO_TRUST_X_FORWARDED_PROTO": "1",
        "TRUSTED_PROXY_COUNT": "1",
        "DJANGO_ADMIN_PATH": ADMIN_PATH,
        "INQUIRY_MIN_SECONDS": "0",  # the visitor is a script; the timing check has its own tests
        "DJANGO_LOG_LEVEL": "WARNING",
        **extra,
    }


@pytest.fixture(scope="session")
def require_nginx():
    if not nginx_available():
        pytest.fail(HOW_TO_INSTALL)


@pytest.fixture(scope="module")
def redis():
    """A throwaway redis-server for each stack: the cache its workers share (rate limits count there)."""
    if shutil.which("redis-server") is None:
        pytest.fail("the deploy tests need redis-server (apt: redis-server)")
    server = Redis()
    server.start()
    yield server
    server.kill()


@pytest.fixture(scope="module")
def stack(require_nginx, redis, content_dir, tmp_path_factory):
    """One gunicorn (2 workers, a SQLite file) behind nginx; yields the proxy's and the app's URLs."""
    database = tmp_path_factory.mktemp("db") / "site.sqlite3"
    env = app_settings(
        content_dir,
        tmp_path_factory,
        DATABASE_URL=f"sqlite:///{database}",
        REDIS_URL=redis.url,
        FEEDBACK_RATE_LIMIT="3/h",
    )
    with production_server(workers=2, env=env) as app:
        create_superuser(env, *STAFF)
        with caching_proxy([app], admin_path=ADMIN_PATH) as (proxy, run_dir):
            yield {"proxy": proxy, "app": app, "run_dir": run_dir, "content": content_dir}
