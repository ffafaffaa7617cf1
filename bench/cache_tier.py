"""
`make bench-cache`: what the nginx cache tier (deploy/nginx/) buys, in one run on 127.0.0.1.

wrk (-t2, 16 connections, no cookies, Accept-Encoding: gzip) alternates, over 3 rounds, between:
nginx serving a static copy of the heaviest article's gzipped bytes, the same page through the cache
tier (the `make serve-cached` stack: nginx with deploy/nginx/ketamine.conf in front of gunicorn),
gunicorn directly, and gunicorn's /healthz. One nginx (1 worker) serves both nginx rows, each with
its files kept open (open_file_cache, as deploy/nginx/ does for cached pages); gunicorn runs 2
workers. Targets: the cache tier reaches at least 70% of static nginx; the article page from
gunicorn directly at least 90% of /healthz. Every run is bounded in time.
"""

import argparse
import gzip
import sys
import tempfile
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.proxy import HOW_TO_INSTALL, caching_proxy, nginx_available  # noqa: E402
from bench.run import pick_article  # noqa: E402
from bench.server import free_port, production_server  # noqa: E402
from bench.wrk import measure_wrk, wrk_available  # noqa: E402

BROWSER_HEADERS = {"Accept-Encoding": "gzip"}
ROUNDS = 3
STATIC_SERVER = """
server {{
    listen 127.0.0.1:{port};
    open_file_cache max=10000 inactive=60s;
    location = /article {{
        default_type "text/html; charset=utf-8";
        gzip_static on;
        alias {folder}/article.html;
    }}
}}
"""


def fetch(url: str) -> tuple[bytes, dict]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=BROWSER_HEADERS)) as response:
        return response.read(), dict(response.headers)


def static_copy(app: str, article: str, folder: Path) -> int:
    """The article exactly as gunicorn sends it gzipped, as files nginx's gzip_static serves."""
    body, headers = fetch(app + article)
    assert headers.get("Content-Encoding") == "gzip", "the app did not send the article gzipped"
    (folder / "article.html.gz").write_bytes(body)
    (folder / "article.html").write_bytes(gzip.decompress(body))
    folder.chmod(0o755)  # nginx's worker runs as `nobody` when we are root
    return len(body)


def warm_cache(proxy: str, article: str) -> None:
    for _ in range(3):
        _, headers = fetch(proxy + article)
        if headers.get("X-Cache-Status") == "HIT":
            return
    raise SystemExit("the cache tier did not cache the article page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5, help="measuring time per target and round")
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not wrk_available() or not nginx_available():
        sys.exit(f"make bench-cache needs wrk and nginx ({HOW_TO_INSTALL}; apt-get install -y wrk)")
    with production_server(workers=2) as app, tempfile.TemporaryDirectory(prefix="static-copy-") as folder:
        article = pick_article(app)
        size = static_copy(app, article, Path(folder))
        static_port = free_port()
        extra = STATIC_SERVER.format(port=static_port, folder=folder)
        with caching_proxy([app], extra_servers=extra) as (proxy, _):
            warm_cache(proxy, article)
            targets = {
                "nginx, static copy of the gzipped page": f"http://127.0.0.1:{static_port}/article",
                "nginx cache tier in front of gunicorn": proxy + article,
                "gunicorn directly, the article": app + article,
                "gunicorn directly, /healthz": app + "/healthz",
            }
            assert fetch(targets["nginx, static copy of the gzipped page"])[0] == fetch(proxy + article)[0]
            print(
                f"{article} ({size / 1024:.1f} KB gzipped); wrk -t2 -c{args.connections}, {args.seconds:.0f} s"
                f" per target and round, {ROUNDS} rounds alternated; nginx 1 worker, gunicorn 2 workers:"
            )
            results = {name: [] for name in targets}
            for round_number in range(1, ROUNDS + 1):
                for name, url in targets.items():
                    measure_wrk(url, seconds=1, connections=args.connections, headers=BROWSER_HEADERS)  # warm up
                    result = measure_wrk(
                        url, seconds=args.seconds, connections=args.connections, headers=BROWSER_HEADERS
                    )
                    results[name].append(result)
                    print(f"  round {round_number}  {name:<40} {result}")
    print_table(results)


def print_table(results: dict) -> None:
    def mean(name: str, field: str) -> float:
        return sum(getattr(result, field) for result in results[name]) / len(results[name])

    static, tier, direct, healthz = results
    print("\n| target | req/s | p50 ms | p99 ms | errors | vs static nginx |\n| --- | --- | --- | --- | --- | --- |")
    for name in results:
        errors = sum(result.errors for result in results[name])
        print(
            f"| {name} | {mean(name, 'rate'):,.0f} | {mean(name, 'p50_ms'):.2f} | {mean(name, 'p99_ms'):.2f}"
            f" | {errors} | {mean(name, 'rate') / mean(static, 'rate'):.0%} |"
        )
    for label, ratio, target in (
        ("cache tier / static nginx", mean(tier, "rate") / mean(static, "rate"), 0.7),
        ("gunicorn article / gunicorn /healthz", mean(direct, "rate") / mean(healthz, "rate"), 0.9),
    ):
        verdict = "meets" if ratio >= target else "MISSES"
        print(f"{label}: {ratio:.0%} (target >= {target:.0%}: {verdict})")
    print("(req/s, p50 and p99 are means over the rounds)")


if __name__ == "__main__":
    main()
