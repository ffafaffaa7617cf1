"""Two app servers behind one nginx upstream, sharing a PostgreSQL database, a Redis and the
content folder: whatever one of them learns, the other knows."""

import json
import time
from contextlib import ExitStack

import pytest

from bench.concurrent_inquiries import REFERENCE
from bench.proxy import caching_proxy
from bench.server import production_server
from tests.chaos.servers import POSTGRES_BIN, Postgres
from tests.deploy.conftest import ADMIN_PATH, CONTENT_CHECK_INTERVAL_MS, STAFF, app_settings
from tests.deploy.web import (
    BANNER,
    consent_cookies,
    cookie_header,
    create_superuser,
    edit_article,
    fetch,
    send_inquiry,
    sign_in,
)

pytestmark = pytest.mark.deploy

FEEDBACK_LIMIT = 4


@pytest.fixture(scope="module")
def servers(require_nginx, redis, content_dir, tmp_path_factory):
    if not (POSTGRES_BIN / "initdb").exists():
        pytest.fail(f"the deploy tests need {POSTGRES_BIN}/initdb (apt: postgresql-15)")
    postgres = Postgres()
    postgres.create()
    logs = tmp_path_factory.mktemp("two-servers")
    env = app_settings(
        content_dir,
        tmp_path_factory,
        DATABASE_URL=postgres.url(),
        REDIS_URL=redis.url,
        FEEDBACK_RATE_LIMIT=f"{FEEDBACK_LIMIT}/h",
    )
    try:
        with ExitStack() as running:
            apps = [
                running.enter_context(production_server(workers=2, env=env, log_path=logs / f"{name}.log"))
                for name in ("first", "second")
            ]
            create_superuser(env, *STAFF)
            proxy, _ = running.enter_context(caching_proxy(apps, admin_path=ADMIN_PATH))
            yield {"apps": apps, "proxy": proxy, "logs": [logs / "first.log", logs / "second.log"]}
    finally:
        postgres.destroy()


def test_the_proxy_spreads_requests_over_both(servers):
    for _ in range(6):
        assert fetch(servers["proxy"], "/find-a-clinic/").status == 200  # never cached: each reaches an app server
    for log in servers["logs"]:
        paths = [json.loads(line).get("path") for line in log.read_text().splitlines() if line.startswith("{")]
        assert "/find-a-clinic/" in paths, f"{log.name} served none of them"


def test_rate_limits_count_across_both(servers, content_dir):
    first, second = servers["apps"]
    vote = {"article": sorted(content_dir.glob("basics/*.md"))[0].stem, "helpful": "no", "comment": ""}
    statuses = [fetch(base, "/feedback/", data=vote).status for base in [first, second] * FEEDBACK_LIMIT]
    assert statuses == [303] * FEEDBACK_LIMIT + [429] * FEEDBACK_LIMIT


def test_a_consent_cookie_set_by_one_is_honoured_by_the_other(servers, content_dir):
    first, second = servers["apps"]
    path = f"/articles/{sorted(content_dir.glob('safety/*.md'))[0].stem}/"
    assert BANNER in fetch(second, path).body
    cookies = consent_cookies(first)
    page = fetch(second, path, headers=cookie_header(cookies))
    assert page.status == 200 and BANNER not in page.body


def test_an_inquiry_posted_to_one_is_in_the_admin_of_the_other(servers):
    first, second = servers["apps"]
    sent = send_inquiry(first, "two-servers")
    assert sent.status == 302
    reference = REFERENCE.search(fetch(first, sent.headers["Location"]).body)[1]
    session = cookie_header(sign_in(second, ADMIN_PATH, *STAFF))
    desk = fetch(second, f"/{ADMIN_PATH}clinics/inquiry/", headers=session)
    assert desk.status == 200 and reference in desk.body


def test_a_content_edit_shows_on_both_within_the_check_interval(servers, content_dir):
    paths = {base: f"/articles/{sorted(content_dir.glob('conditions/*.md'))[0].stem}/" for base in servers["apps"]}
    for base, path in paths.items():
        assert fetch(base, path).status == 200  # each has the page memoized
    edit_article(sorted(content_dir.glob("conditions/*.md"))[0], "Both servers read this folder.")
    began, seen = time.monotonic(), {}
    while len(seen) < len(paths) and time.monotonic() - began < 10:
        for base, path in paths.items():
            if base not in seen and "Both servers read this folder." in fetch(base, path).body:
                seen[base] = time.monotonic() - began
        time.sleep(0.02)
    # The interval, plus re-rendering one file and the gaps between these requests.
    limit = CONTENT_CHECK_INTERVAL_MS / 1000 + 1.0
    assert len(seen) == len(paths), f"only {len(seen)} of the servers showed the edit within 10 s"
    assert max(seen.values()) <= limit, f"seconds to show the edit: {seen} (limit {limit:.1f} s)"
