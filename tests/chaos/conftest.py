"""
The fault tests' stack: PostgreSQL, Redis and a mail server of their own, gunicorn with the
production settings, and a supervised task worker. Built once per run; figures are printed at the end.
"""

import os
import shutil
from collections import Counter

import pytest

from bench.server import PRODUCTION_ENV, REPO, production_server
from tests.chaos.servers import POSTGRES_BIN, MailServer, Postgres, Redis
from tests.chaos.site import SupervisedWorker, Visitor, site_settings

FIGURES: Counter = Counter()
WORST: dict[str, float] = {}

# Every page type a reader, or a visitor to the staff desk, can reach.
PAGES = [
    "/",
    "/articles/",
    "/articles/crisis-help/",
    "/topics/safety/",
    "/search/?q=ketamine",
    "/glossary/",
    "/find-a-clinic/",
    "/privacy/",
    "/cookies/",
    "/preferences/",
    "/feed/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/readyz",
    "/admin/login/",
    "/staff/reviews/",
]


def record_worst(name: str, seconds: float) -> None:
    WORST[name] = max(WORST.get(name, 0.0), seconds)


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    missing = [tool for tool in ("redis-server",) if shutil.which(tool) is None]
    if missing or not (POSTGRES_BIN / "initdb").exists():
        pytest.fail(f"the fault tests need redis-server and {POSTGRES_BIN}/initdb (apt: redis-server postgresql-15)")
    postgres, redis, mail = Postgres(), Redis(), MailServer()
    postgres.create()
    redis.start()
    mail.start()
    logs = tmp_path_factory.mktemp("chaos-logs")  # pytest keeps the last few runs' logs
    overrides = site_settings(database_url=postgres.url(), redis_url=redis.url, mail_port=mail.port)
    env = {**os.environ, **PRODUCTION_ENV, "CONTENT_DIR": str(REPO / "content"), **overrides}
    worker = SupervisedWorker(env, logs / "worker.log")
    try:
        with production_server(workers=2, env=overrides, log_path=logs / "gunicorn.log") as base:
            worker.start()
            yield {"base": base, "postgres": postgres, "redis": redis, "mail": mail, "worker": worker, "logs": logs}
    finally:
        worker.stop()
        mail.stop()
        redis.kill()
        postgres.destroy()
        FIGURES["worker restarts"] = worker.restarts
        print(f"\nchaos logs: {logs}")


@pytest.fixture
def visitor(stack) -> Visitor:
    return Visitor(stack["base"])


def pytest_terminal_summary(terminalreporter):
    if not FIGURES and not WORST:
        return
    terminalreporter.section("fault-test figures")
    for name, value in FIGURES.items():
        terminalreporter.write_line(f"{name}: {value}")
    for name, seconds in WORST.items():
        terminalreporter.write_line(f"worst response time, {name}: {seconds * 1000:.0f} ms")
