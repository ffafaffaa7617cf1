"""
`make load-test`: a bounded load test of the production setup on 127.0.0.1.

Starts gunicorn with gunicorn.conf.py (workers from the CPU count, DEBUG off) over generated
articles, then for a fixed time per endpoint reports requests/s, p50/p99 latency, errors (5xx and
failed connections) and the status codes seen, for:

- article pages, spread over every generated article (first visits: no cookies, gzip accepted);
- search (`/search/?q=...`), spread over a list of words;
- form posts to the find-a-clinic form: each post is a fresh, filled-in form with the CSRF cookie
  and token from one GET, stored as a new inquiry (302). The timing and rate limits are relaxed
  for this run (LOAD_TEST_ENV), so the figures are those of the write path itself.

Only 127.0.0.1 is contacted;
every loop is bounded in time. Set DATABASE_URL / REDIS_URL to run against PostgreSQL / Redis.
"""

import argparse
import http.client
import os
import sys
import tempfile
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import WORDS, generate  # noqa: E402
from bench.load import Result, measure  # noqa: E402
from bench.server import production_server  # noqa: E402

SEARCH_PATH = "/search/"
FORM_PATH = "/find-a-clinic/"
BROWSER = {"Accept-Encoding": "gzip"}


def get(base: str, path: str) -> tuple[int, dict[str, list[str]], str]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        headers: dict[str, list[str]] = {}
        for name, value in response.getheaders():
            headers.setdefault(name.lower(), []).append(value)
        return response.status, headers, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


class FormFields(HTMLParser):
    """The fields of the POST form that submits to `action` (pages also carry the cookie banner's form)."""

    def __init__(self, action: str):
        super().__init__()
        self.action = action
        self.in_form = self.done = False
        self.fields: list[dict] = []
        self.select: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.done:
            return
        if tag == "form" and (attrs.get("method") or "").lower() == "post" and attrs.get("action") == self.action:
            self.in_form = True
        elif self.in_form and tag in ("input", "textarea") and attrs.get("name"):
            kind = "textarea" if tag == "textarea" else (attrs.get("type") or "text").lower()
            # tabindex -1: a box people cannot reach (the honeypot), which a person leaves empty.
            hidden_from_people = attrs.get("tabindex") == "-1"
            self.fields.append({"name": attrs["name"], "kind": kind, "value": attrs.get("value") or "",
                                "unreachable": hidden_from_people})  # fmt: skip
        elif self.in_form and tag == "select" and attrs.get("name"):
            self.select = {"name": attrs["name"], "kind": "select", "value": ""}
            self.fields.append(self.select)
        elif self.select is not None and tag == "option" and not self.select["value"]:
            self.select["value"] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def filled(fields: list[dict], number: int) -> dict[str, str]:
    """Plausible values for every field a person would fill in; hidden fields keep theirs."""
    values, radios = {}, set()
    for field in fields:
        name, kind, value = field["name"], field["kind"], field["value"]
        if kind in ("submit", "button", "reset", "file") or field.get("unreachable"):
            continue
        if kind == "radio":
            if name not in radios:
                radios.add(name)
                values[name] = value
        elif kind == "checkbox":
            values[name] = value or "on"
        elif kind in ("hidden", "select"):
            values[name] = value
        elif kind == "email":
            values[name] = f"load-test-{number}@example.invalid"
        elif kind == "tel":
            values[name] = "555 0100"
        elif kind == "number":
            values[name] = "1"
        elif kind == "url":
            values[name] = ""
        else:
            values[name] = value or f"Load test {number} {WORDS[number % len(WORDS)]}"
    return values


# The form's anti-abuse limits (a minimum time on the page, a few posts per client per hour) would
# turn almost every load-test post away; they have their own tests. Here the write path is measured.
LOAD_TEST_ENV = {"INQUIRY_MIN_SECONDS": "0", "INQUIRY_RATE_LIMIT": "1000000/h"}


def form_post_plan(base: str) -> tuple[dict, callable] | None:
    status, headers, html = get(base, FORM_PATH)
    if status != 200:
        return None
    cookies = SimpleCookie()
    for value in headers.get("set-cookie", []):
        cookies.load(value)
    parser = FormFields(FORM_PATH)
    parser.feed(html)
    if not parser.fields:
        return None
    cookie = "; ".join(f"{name}={morsel.value}" for name, morsel in cookies.items())
    post_headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
    return post_headers, lambda number: urlencode(filled(parser.fields, number)).encode()


def line(name: str, result: Result) -> str:
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(result.statuses.items()))
    return f"  {name:<14} {result}  statuses {{{statuses}}}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=8, help="measuring time per endpoint (at most 60)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent client threads (at most 64)")
    parser.add_argument("--articles", type=int, default=100, help="generated articles")
    args = parser.parse_args()
    seconds, connections = min(args.seconds, 60), min(args.connections, 64)

    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), args.articles)
        slugs = sorted(path.stem for path in Path(folder).rglob("*.md"))
        with production_server(Path(folder), env=LOAD_TEST_ENV) as base:
            workers = os.environ.get("WEB_CONCURRENCY") or f"{os.cpu_count() * 2 + 1} (from {os.cpu_count()} CPUs)"
            database = "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
            cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
            print(f"Production server (gunicorn.conf.py): {workers} workers, {database}, cache in {cache}.")
            print(f"{connections} client threads, {seconds:.0f} s per endpoint, new connection per request:")

            def spread_over(paths: list[str], **options) -> Result:
                """GETs spread evenly over `paths` for the measuring time."""
                return measure(
                    base + paths[0], connections=connections, path_for=lambda n: paths[n % len(paths)], **options
                )

            articles = [f"/articles/{slug}/" for slug in slugs]
            # Unrecorded warm-up: every worker renders and memoizes the pages once, as after a deploy.
            spread_over(articles, seconds=2)
            print(line("article pages", spread_over(articles, seconds=seconds, headers=BROWSER)))

            queries = [f"{SEARCH_PATH}?{urlencode({'q': word})}" for word in WORDS]
            print(line("search", spread_over(queries, seconds=seconds, headers=BROWSER)))

            plan = form_post_plan(base)
            if plan is None:
                raise SystemExit(f"{FORM_PATH} did not answer with its form")
            else:
                headers, body_for = plan
                result = measure(
                    base + FORM_PATH,
                    seconds=seconds,
                    connections=connections,
                    method="POST",
                    headers=headers,
                    body_for=body_for,
                )
                print(line("form posts", result))


if __name__ == "__main__":
    main()
