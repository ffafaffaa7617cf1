"""
`make bench-inquiries`: do concurrent find-a-clinic posts all land, once each, without a server error?

For each database (a throwaway SQLite file, and a throwaway PostgreSQL database) this starts
gunicorn with several workers and production settings (DEBUG off, manifest static files, Redis as
the shared cache when reachable, the console mail backend with a notification per inquiry), then
sends 200 posts from 20 threads to 127.0.0.1 and checks that exactly 200 new rows exist, each
reference the thank-you pages showed is in the database, and no response was a server error.

The anti-abuse checks stay on and are satisfied the way a browser satisfies them:
- CSRF: each thread first GETs the form once per post it will send, keeping its csrftoken cookie
  and each form's tokens.
- Timing token: each GET gives a signed render time and a single-use nonce; the script waits
  INQUIRY_MIN_SECONDS (default 3) once, after every thread has its forms, and each post uses a
  token of its own (a token sends one inquiry).
- Rate limit: every post comes from 127.0.0.1, so the server runs with INQUIRY_RATE_LIMIT raised
  to twice the number of posts. A fresh secret key per run gives fresh rate-limit keys in Redis.

Only 127.0.0.1 is contacted; every wait is bounded.
"""

import argparse
import http.cookiejar
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.server import PRODUCTION_ENV, production_server  # noqa: E402

MIN_SECONDS = 3
REQUEST_TIMEOUT = 60
REFERENCE = re.compile(r'<strong class="reference">([0-9A-Z]{4}-[0-9A-Z]{4})</strong>')
HIDDEN = re.compile(r'<input type="hidden" name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"')
COUNT_SNIPPET = (
    "import json; from clinics.models import Inquiry; "
    "print(json.dumps(list(Inquiry.objects.values_list('reference', flat=True))))"
)


class BehindTLSProxy(http.cookiejar.DefaultCookiePolicy):
    """The script stands in for the TLS proxy (X-Forwarded-Proto: https), so the site's Secure
    cookies (the CSRF cookie) are sent back over the plain loopback connection."""

    def return_ok_secure(self, cookie, request):
        return True


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 302s back to the caller: the script checks Post/Redirect/Get itself."""

    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Results:
    statuses: Counter = field(default_factory=Counter)
    latencies: list = field(default_factory=list)
    references: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def server_settings(database_url: str, redis_url: str, posts: int) -> dict:
    """What this check changes in the production settings (bench/server.py supplies the rest)."""
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # fresh rate-limit keys in a shared Redis each run
        "DJANGO_TRUST_X_FORWARDED_PROTO": "1",  # as behind the TLS proxy: see BehindTLSProxy
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "INQUIRY_MIN_SECONDS": str(MIN_SECONDS),
        "INQUIRY_RATE_LIMIT": f"{posts * 2}/h",
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "CLINIC_NOTIFY_EMAILS": "desk@example.invalid",
    }


def manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, capture_output=True, text=True
    ).stdout


def stored_references(env: dict) -> list[str]:
    return json.loads(manage(env, "shell", "-c", COUNT_SNIPPET).strip().splitlines()[-1])


def answers(thread: int, number: int) -> dict:
    return {
        "name": f"Load Test {thread}-{number}",
        "email": f"load{thread}.{number}@example.invalid",
        "phone": "212 555 0100",
        "preferred_contact": "email",
        "location": "10001",
        "us_state": "NY",
        "country": "United States",
        "topic": "depression",
        "message": f"Concurrency check {thread}-{number}.\nSecond line.",
        "is_adult": "on",
        "consent_to_contact": "on",
        "homepage": "",
        "source_path": "/",
    }


def fetch_form(opener, base: str) -> dict:
    with opener.open(base + "/find-a-clinic/", timeout=REQUEST_TIMEOUT) as response:
        return dict(HIDDEN.findall(response.read().decode()))


def client_thread(base, opener, tokens, thread, count, start_gate, results: Results) -> None:
    start_gate.wait()
    for number in range(count):
        body = urllib.parse.urlencode({**answers(thread, number), **tokens[number]}).encode()
        began = time.perf_counter()
        try:
            response = opener.open(base + "/find-a-clinic/", data=body, timeout=REQUEST_TIMEOUT)
            status, location = response.status, None
        except urllib.error.HTTPError as error:  # 302 (kept by KeepRedirects), 4xx, 5xx
            status, location = error.code, error.headers.get("Location")
        except OSError as error:  # refused or reset connection: a server failure too
            status, location = f"connection error: {error}", None
        elapsed = time.perf_counter() - began
        reference = None
        if status == 302 and location:
            with opener.open(urllib.parse.urljoin(base, location), timeout=REQUEST_TIMEOUT) as thanks:
                found = REFERENCE.search(thanks.read().decode())
                reference = found[1] if found else None
        with results.lock:
            results.statuses[status] += 1
            results.latencies.append(elapsed)
            if reference:
                results.references.append(reference)
            elif status == 302:
                results.problems.append(f"thank-you page without a reference: {location}")


def run_posts(base: str, posts: int, threads: int) -> tuple[Results, float]:
    results = Results()
    openers, tokens = [], []
    per_thread = [posts // threads + (1 if index < posts % threads else 0) for index in range(threads)]
    for index in range(threads):
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(policy=BehindTLSProxy())), KeepRedirects
        )
        public = base.replace("http://", "https://", 1)  # the address a browser would see
        opener.addheaders = [
            ("X-Forwarded-Proto", "https"),
            ("Origin", public),
            ("Referer", public + "/find-a-clinic/"),
        ]
        openers.append(opener)
        # One loaded form per post: each timing token is good for one inquiry.
        tokens.append([fetch_form(opener, base) for _ in range(per_thread[index])])
    time.sleep(MIN_SECONDS + 0.5)  # once: every form has now been "read" for longer than the minimum
    start_gate = threading.Barrier(threads + 1)
    workers = [
        threading.Thread(
            target=client_thread,
            args=(base, openers[index], tokens[index], index, per_thread[index], start_gate, results),
        )
        for index in range(threads)
    ]
    for worker in workers:
        worker.start()
    start_gate.wait()
    began = time.perf_counter()
    for worker in workers:
        worker.join(timeout=300)
    return results, time.perf_counter() - began


def run_against(label: str, database_url: str, args, log_dir: str) -> bool:
    content = Path(log_dir) / "content"
    content.mkdir(exist_ok=True)
    overrides = server_settings(database_url, args.redis_url, args.posts)
    env = {**os.environ, **PRODUCTION_ENV, "CONTENT_DIR": str(content), **overrides}  # for manage.py queries
    log_path = Path(log_dir) / f"gunicorn-{label}.log"
    with production_server(content, workers=args.workers, env=overrides, log_path=log_path) as base:
        before = set(stored_references(env))
        results, seconds = run_posts(base, args.posts, args.threads)
    after = set(stored_references(env))
    new_rows = after - before
    server_errors = sum(n for status, n in results.statuses.items() if not isinstance(status, int) or status >= 500)
    log_text = log_path.read_text()
    notifications = log_text.count("Subject: New clinic inquiry")
    latencies = sorted(results.latencies)
    print(f"{label}: {args.posts} posts from {args.threads} threads to gunicorn with {args.workers} workers")
    print(f"  statuses: {dict(results.statuses)}; {server_errors} server errors")
    print(f"  new rows: {len(new_rows)}; references shown on thank-you pages: {len(set(results.references))}")
    print(f"  notification e-mails written by the console backend: {notifications}")
    print(
        f"  {seconds:.2f} s, {args.posts / seconds:.0f} posts/s; post latency p50 "
        f"{statistics.median(latencies) * 1000:.0f} ms, p99 {latencies[int(len(latencies) * 0.99) - 1] * 1000:.0f} ms,"
        f" max {latencies[-1] * 1000:.0f} ms"
    )
    ok = (
        len(new_rows) == args.posts
        and server_errors == 0
        and results.statuses.get(302) == args.posts
        and set(results.references) == new_rows
        and not results.problems
    )
    for problem in results.problems[:5]:
        print(f"  problem: {problem}")
    if not ok and "Traceback" in log_text:
        print("  server log (tail):\n" + "\n".join(log_text.splitlines()[-30:]))
    print(f"  {'PASS' if ok else 'FAIL'}: exactly {args.posts} new rows and 0 server errors expected")
    return ok


def with_postgres_database(server_url: str, run) -> bool:
    import psycopg

    name = f"clinics_bench_{secrets.token_hex(4)}"
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        return run(f"{server_url}/{name}")
    finally:
        with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def redis_reachable(url: str) -> bool:
    if not url:
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--threads", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432", help="server, no database")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/2", help="shared cache; '' for none")
    args = parser.parse_args()
    if not redis_reachable(args.redis_url):
        print(f"Redis not reachable at {args.redis_url!r}: each worker keeps its own cache")
        args.redis_url = ""
    outcomes = []
    with tempfile.TemporaryDirectory() as log_dir:
        if args.database in ("sqlite", "both"):
            outcomes.append(run_against("SQLite", f"sqlite:///{log_dir}/inquiries.sqlite3", args, log_dir))
        if args.database in ("postgres", "both"):
            outcomes.append(
                with_postgres_database(args.postgres_url, lambda url: run_against("PostgreSQL", url, args, log_dir))
            )
    sys.exit(0 if all(outcomes) else 1)


if __name__ == "__main__":
    main()
