"""Start the site's production setup (gunicorn.conf.py, DEBUG off) on 127.0.0.1 for a benchmark, then stop it."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# The production settings with a key that is a throwaway for this benchmark only.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ketamine_site.settings",
    "DJANGO_SECRET_KEY": "bench-only-throwaway-key-NOT-A-SECRET-0123456789abcdefghijklmnop",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_DEBUG": "0",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answered
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not start: {url}")


@contextmanager
def production_server(
    content_dir: Path = REPO / "content",
    *,
    workers: int | None = None,
    env: dict | None = None,
    log_path: Path | None = None,
) -> Iterator[str]:
    """gunicorn with gunicorn.conf.py on a free port; yields the base URL. Its log goes to `log_path`
    (kept for the caller to read) or a temporary file, never the screen.

    DATABASE_URL from `env` (or the environment) is used when given; otherwise a temporary SQLite file."""
    environment = {**os.environ, **PRODUCTION_ENV, "CONTENT_DIR": str(content_dir), **(env or {})}
    with tempfile.TemporaryDirectory() as tmp:
        environment.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
        manage = [sys.executable, "manage.py"]
        quiet = {**environment, "DJANGO_LOG_LEVEL": "WARNING"}
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=REPO, env=quiet, check=True)
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=REPO, env=quiet, check=True)
        port = free_port()
        environment["GUNICORN_BIND"] = f"127.0.0.1:{port}"
        if workers:
            environment["WEB_CONCURRENCY"] = str(workers)
        gunicorn = Path(sys.executable).with_name("gunicorn")
        with open(log_path or Path(tmp) / "server.log", "w") as log:
            server = subprocess.Popen(
                [str(gunicorn), "-c", "gunicorn.conf.py"], cwd=REPO, env=environment, stdout=log, stderr=log
            )
            base = f"http://127.0.0.1:{port}"
            try:
                wait_until_up(base + "/healthz")
                yield base
            finally:
                server.terminate()
                server.wait(timeout=30)
