"""`make serve-cached` runs gunicorn behind nginx, and Ctrl-C or SIGTERM stops both."""

import os
import signal
import socket
import subprocess
import time

import pytest

from bench.server import REPO, free_port
from tests.deploy.web import fetch

pytestmark = pytest.mark.deploy


def answers(address: str) -> bool:
    host, port = address.rsplit(":", 1)
    try:
        with socket.create_connection((host, int(port)), timeout=0.5):
            return True
    except OSError:
        return False


def wait_for_page(base: str, path: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            answer = fetch(base, path)
            if answer.status == 200:
                return answer
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"make serve-cached did not serve {path} within {timeout:.0f} s")


# SIGTERM goes to make alone (a supervisor stopping it); Ctrl-C reaches the whole process group.
@pytest.mark.parametrize("stop", ["sigterm-to-make", "ctrl-c"])
def test_serve_cached_serves_through_nginx_and_stops_both_servers(require_nginx, tmp_path, stop):
    app, proxy = f"127.0.0.1:{free_port()}", f"127.0.0.1:{free_port()}"
    env = {**os.environ, "GUNICORN_BIND": app, "PROXY_BIND": proxy, "WEB_CONCURRENCY": "1"}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}", "DJANGO_LOG_LEVEL": "WARNING"}
    make = subprocess.Popen(
        ["make", "--no-print-directory", "serve-cached"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as a terminal would give it
    )
    try:
        wait_for_page(f"http://{proxy}", "/articles/crisis-help/")
        again = fetch(f"http://{proxy}", "/articles/crisis-help/")
        assert again.cache_status == "HIT"
        assert answers(app) and answers(proxy)
        if stop == "ctrl-c":
            os.killpg(make.pid, signal.SIGINT)
        else:
            make.send_signal(signal.SIGTERM)
        output, _ = make.communicate(timeout=40)
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)
            make.wait()
    assert "Ctrl-C stops both" in output
    assert not answers(app) and not answers(proxy), output
