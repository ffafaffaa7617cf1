"""
`make bench`: how fast the site loads its content and answers requests.

1. Loading 1,000 articles of real size and shape (the site's own, copied; bench/corpus.py): a cold
   start with an empty render cache, a restart with the content unchanged, one edited file seen
   by the next request, and the resident memory of a process that serves them.
2. Requests/s and p50/p99 latency of an article page and of /healthz under gunicorn with 2 workers,
   measured in the same run by a load generator on 127.0.0.1 for a bounded time, as a first-time
   visitor (no cookies). Target: the article page reaches at least 90% of /healthz throughput.
3. Page weight: the article page's HTML and CSS, gzip-compressed (budget: 50 KB).

Only 127.0.0.1 is ever contacted; every loop is bounded in time.
"""

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.load import measure  # noqa: E402
from bench.server import PRODUCTION_ENV, production_server  # noqa: E402
from bench.wrk import measure_wrk, wrk_available  # noqa: E402

BROWSER_HEADERS = {"Accept-Encoding": "gzip"}
ROUNDS = 3

# One start of a serving process: the WSGI application, then the library as the first request reads it.
START_SNIPPET = """
import resource, time
start = time.perf_counter()
from ketamine_site.wsgi import application
from articles.library import get_library
app_loaded = time.perf_counter()
library = get_library()
seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(len(library.articles), len(library.problems), seconds, seconds - (app_loaded - start), rss)
"""
# A serving process (loaded as gunicorn's master does it), then an editor saving the same file five
# times; each save is timed up to the request that shows it. The first save after a start also pays
# for importing python-markdown's extensions, so it is printed on its own.
EDIT_SNIPPET = """
import gc, os, sys, time
from pathlib import Path
from ketamine_site.wsgi import application
from articles.library import get_library
get_library()
gc.freeze()
path = Path(sys.argv[1])
times = []
for edit in range(5):
    path.write_text(path.read_text() + f"\\nEdited sentence number {edit} for the benchmark.\\n")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    start = time.perf_counter(); library = get_library(); times.append(time.perf_counter() - start)
    assert f"Edited sentence number {edit}" in library.get(path.stem).rendered.html
later = sorted(times[1:])
print(times[0], later[len(later) // 2], later[-1])
"""


SEARCH_SNIPPET = """
import time, django, sys, statistics
from datetime import date
from pathlib import Path
django.setup()
from articles.library import load_library
from articles.search import index_for, search
library = load_library(Path(sys.argv[1]))
start = time.perf_counter(); index_for(library); build = time.perf_counter() - start
queries = sys.argv[2].split("|")
times = []
for _ in range(10):
    for query in queries:
        start = time.perf_counter(); search(library, query, date(2026, 6, 1)); times.append(time.perf_counter() - start)
times.sort()
print(len(library.articles), build, times[len(times) // 2], times[int(len(times) * 0.95)], times[-1], len(times))
"""
SEARCH_QUERIES = [
    "ketamine", "esketamine nasal", "ketamin", "infusions", "blood pressure", "bladder liver",
    "dissociation", "relapse after weeks", "glutamat synapse", "zebrafish", "clinic monitoring safety",
    "response remission", "pain", "dose", "nasel spray", "memory", "treatment course session", "risk",
]  # fmt: skip


def run_snippet(snippet: str, *args: str, env: dict | None = None) -> list[str]:
    """Run Django code in a fresh interpreter; its last line of output, split into fields."""
    run = subprocess.run(
        [sys.executable, "-c", snippet, *args],
        cwd=REPO,
        env={**os.environ, **PRODUCTION_ENV, "DJANGO_LOG_LEVEL": "WARNING", **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.splitlines()[-1].split()  # the last line: logs may come first on stdout


def bench_search(size: int) -> None:
    from bench.corpus import real_size_corpus

    with tempfile.TemporaryDirectory() as folder:
        real_size_corpus(Path(folder), size)
        count, build, p50, p95, worst, runs = run_snippet(SEARCH_SNIPPET, folder, "|".join(SEARCH_QUERIES))
    print(
        f"Search over {count} real-size articles: index built once in {float(build) * 1000:.0f} ms;"
        f" {runs} queries p50 {float(p50) * 1000:.1f} ms, p95 {float(p95) * 1000:.1f} ms,"
        f" max {float(worst) * 1000:.1f} ms (target p95 < 20 ms)"
    )


def bench_loading(size: int) -> None:
    from bench.corpus import real_size_corpus

    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
        content = real_size_corpus(Path(folder), size)
        env = {"CONTENT_DIR": str(content), "CONTENT_CACHE_DIR": cache, "CONTENT_CHECK_INTERVAL_MS": "0"}
        quiet = {**os.environ, **PRODUCTION_ENV, "DJANGO_LOG_LEVEL": "WARNING"}
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=REPO, env=quiet, check=True
        )
        print(f"Loading {size} real-size articles (the site's own, copied), {os.cpu_count()} cores:")
        for label, target in (("cold start, empty render cache", 10.0), ("restart, content unchanged", 1.0)):
            count, problems, seconds, articles_only, rss = run_snippet(START_SNIPPET, env=env)
            verdict = "meets" if float(seconds) < target else "MISSES"
            print(
                f"  {label:<32} {float(seconds):6.2f} s from process start ({float(articles_only):.2f} s reading"
                f" {count} articles, {problems} problems; target < {target:g} s: {verdict});"
                f" RSS {int(rss) / 2**20:.0f} MiB (target < 150 MiB)"
            )
        edited = sorted(content.rglob("side-effects-*.md"))[0]
        first, median, worst = (float(value) * 1000 for value in run_snippet(EDIT_SNIPPET, str(edited), env=env))
        verdict = "meets" if median < 100 else "MISSES"
        print(
            f"  {'one edited file, next request':<32} {median:6.0f} ms median of 4 saves, worst {worst:.0f} ms"
            f" (target < 100 ms: {verdict}); the first save after a start {first:.0f} ms"
        )


def pick_article(base: str) -> str:
    """The longest article linked from /articles/ (the heaviest page a reader may open)."""
    with urllib.request.urlopen(base + "/articles/") as response:
        paths = sorted(set(re.findall(r'href="(/articles/[a-z0-9-]+/)"', response.read().decode())))
    sizes = {}
    for path in paths:
        with urllib.request.urlopen(base + path) as response:
            sizes[path] = len(response.read())
    return max(sizes, key=sizes.get)


def page_weight(base: str, path: str) -> None:
    with urllib.request.urlopen(base + path) as response:
        html = response.read()
    assets = re.findall(rb'<link rel="stylesheet" href="([^"]+)"|<script[^>]+src="([^"]+)"', html)
    total = len(gzip.compress(html))
    print(f"Page weight of {path} (gzip): HTML {len(gzip.compress(html)) / 1024:.1f} KB", end="")
    for css, js in assets:
        with urllib.request.urlopen(base + (css or js).decode()) as response:
            size = len(gzip.compress(response.read()))
        total += size
        print(f", {(css or js).decode().rsplit('/', 1)[-1]} {size / 1024:.1f} KB", end="")
    print(f"; total {total / 1024:.1f} KB (budget 50 KB)")


def bench_serving(seconds: float, connections: int) -> None:
    with production_server(workers=2) as base:
        article = pick_article(base)
        page_weight(base, article)
        use_wrk = wrk_available()
        client = "wrk" if use_wrk else "Python threads (install wrk for figures the client does not skew)"
        print(
            f"Throughput under gunicorn, 2 workers, {connections} connections from {client}, {seconds:.0f} s each,"
            " as a first visit (no cookies, Accept-Encoding: gzip):"
        )
        run = measure_wrk if use_wrk else measure
        totals = {"/healthz": 0.0, article: 0.0}
        for round_number in range(1, ROUNDS + 1):  # alternate the two, so drift in the machine hits both
            for path in totals:
                run(base + path, seconds=1, connections=connections, headers=BROWSER_HEADERS)  # warm up
                result = run(base + path, seconds=seconds, connections=connections, headers=BROWSER_HEADERS)
                totals[path] += result.rate
                print(f"  round {round_number}  {path:<45} {result}")
        ratio = totals[article] / totals["/healthz"]
        verdict = "meets" if ratio >= 0.9 else "MISSES"
        print(
            f"  article page reaches {ratio:.0%} of /healthz throughput over {ROUNDS} rounds ({verdict} the 90% target)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5, help="measuring time per endpoint and round")
    parser.add_argument("--connections", type=int, default=4, help="concurrent client threads")
    parser.add_argument("--articles", type=int, default=1000, help="article count for the load and search benchmarks")
    args = parser.parse_args()
    bench_loading(args.articles)
    bench_search(args.articles)
    bench_serving(args.seconds, args.connections)


if __name__ == "__main__":
    main()
