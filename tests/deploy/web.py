"""A visitor with no cookie jar: every cookie is sent by hand, so each test says exactly what the
proxy sees. Answers keep their headers, redirects are not followed, gzip is undone."""

import gzip
import http.client
import os
import re
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

from bench.concurrent_inquiries import HIDDEN
from bench.server import PRODUCTION_ENV, REPO
from tests.chaos.site import inquiry_answers

BANNER = 'class="consent-banner"'
CSRF_COOKIE = "csrftoken"


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def cache_status(self) -> str:
        return self.headers.get("X-Cache-Status", "")

    def directives(self) -> set[str]:
        return {part.strip() for part in self.headers.get("Cache-Control", "").split(",") if part.strip()}

    def cookies(self) -> dict[str, str]:
        jar = SimpleCookie()
        for header in self.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return {name: morsel.value for name, morsel in jar.items()}


def fetch(base: str, path: str, *, data: dict | None = None, headers: dict | None = None, body: bytes | None = None):
    """One request; `data` makes it a same-origin form POST, as a browser on the site sends it."""
    parts = urllib.parse.urlsplit(base)
    sent = {"Accept-Encoding": "gzip", **(headers or {})}
    if data is not None:
        body = urllib.parse.urlencode(data).encode()
    if body is not None:
        sent = {"Content-Type": "application/x-www-form-urlencoded", "Origin": base, "Referer": base + path, **sent}
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("POST" if body is not None else "GET", path, body=body, headers=sent)
        response = connection.getresponse()
        raw = response.read()
    finally:
        connection.close()
    if response.headers.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return Answer(response.status, response.headers, raw.decode("utf-8", "replace"))


def cookie_header(cookies: dict[str, str]) -> dict:
    return {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())}


def cached_keys(run_dir: Path) -> list[str]:
    """The key of every response nginx stored (each cache file names its key in its header)."""
    keys = []
    for entry in (run_dir / "cache").rglob("*"):
        if entry.is_file():
            found = re.search(rb"\nKEY: ([^\n]*)\n", entry.read_bytes()[:4096])
            if found:
                keys.append(found[1].decode())
    return keys


def manage(env: dict, *args: str) -> None:
    """manage.py with the servers' own environment (their database)."""
    environment = {**os.environ, **PRODUCTION_ENV, **env, "DJANGO_LOG_LEVEL": "WARNING"}
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=environment, check=True, capture_output=True)


def create_superuser(env: dict, username: str, password: str) -> None:
    env = {**env, "DJANGO_SUPERUSER_PASSWORD": password}
    manage(env, "createsuperuser", "--noinput", "--username", username, "--email", f"{username}@example.invalid")


def sign_in(base: str, admin_path: str, username: str, password: str) -> dict[str, str]:
    """Sign in to the admin through `base`; the cookies a browser would then hold."""
    form = fetch(base, f"/{admin_path}login/")
    cookies = form.cookies()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)[1]
    answer = fetch(
        base,
        f"/{admin_path}login/?next=/{admin_path}",
        data={"csrfmiddlewaretoken": token, "username": username, "password": password, "next": f"/{admin_path}"},
        headers=cookie_header(cookies),
    )
    assert answer.status == 302, f"sign-in refused ({answer.status})"
    return {**cookies, **answer.cookies()}


def send_inquiry(base: str, marker: str) -> Answer:
    """Fetch the form (its CSRF cookie and tokens) and send it, as one visitor."""
    form = fetch(base, "/find-a-clinic/")
    tokens = dict(HIDDEN.findall(form.body))
    return fetch(
        base, "/find-a-clinic/", data={**inquiry_answers(marker), **tokens}, headers=cookie_header(form.cookies())
    )


def consent_cookies(base: str, choice: str = "reject") -> dict[str, str]:
    """Answer the cookie banner; the cookies the site then sets."""
    answer = fetch(base, "/cookies/choose/", data={"choice": choice, "next": "/"})
    assert answer.status == 302, f"cookie choice refused ({answer.status})"
    return answer.cookies()


def edit_article(path: Path, sentence: str) -> None:
    """What an editor does: add a sentence; the later modification time makes the change certain."""
    path.write_text(path.read_text() + f"\n{sentence}\n")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def wait_for(base: str, path: str, text: str, *, timeout: float) -> float:
    """Seconds until `path` shows `text` to a first-time visitor (fails after `timeout`)."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if text in fetch(base, path).body:
            return time.monotonic() - began
        time.sleep(0.05)
    raise AssertionError(f"{path} did not show the edit within {timeout:.1f} s")
