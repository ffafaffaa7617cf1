"""Start the site as production runs it (DEBUG off, collected static files, gunicorn) on 127.0.0.1."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "ketamine_site.settings",
    "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_DEBUG": "0",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not start: {url}")


def manage(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True)


@contextlib.contextmanager
def production_server(*, workers: int = 2, extra_env: dict | None = None) -> Iterator[str]:
    """Yield the base URL of a gunicorn server with production settings and a throwaway database.

    DATABASE_URL from `extra_env` (or the environment) is used when given; otherwise a temporary SQLite file.
    """
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, **PRODUCTION_ENV, **(extra_env or {})}
        env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/site.sqlite3")
        manage("collectstatic", "--noinput", "-v0", env=env)
        manage("migrate", "--noinput", "-v0", env=env)
        port = free_port()
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "ketamine_site.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"]
        server = subprocess.Popen([*command, "--log-level", "warning"], cwd=REPO, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base + "/healthz")
            yield base
        finally:
            server.terminate()
            server.wait(timeout=15)
