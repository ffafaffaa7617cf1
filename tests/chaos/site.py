"""The site as production runs it (gunicorn, production settings) plus its task worker, against the
throwaway servers, and a visitor who reads pages and sends forms through it."""

import http.cookiejar
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from bench.concurrent_inquiries import HIDDEN, REFERENCE, BehindTLSProxy, KeepRedirects
from bench.server import REPO

REQUEST_TIMEOUT = 30


def site_settings(*, database_url: str, redis_url: str, mail_port: int) -> dict:
    """What the fault tests change in the production settings."""
    return {
        "DJANGO_TRUST_X_FORWARDED_PROTO": "1",  # the visitor stands in for the TLS proxy
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail_port),
        "EMAIL_TIMEOUT": "1",
        "CLINIC_NOTIFY_EMAILS": "desk@example.invalid",
        "INQUIRY_NOTIFY_RETRY_SECONDS": "1",
        "INQUIRY_MIN_SECONDS": "0",  # the visitor is a script; the timing check has its own tests
        "INQUIRY_RATE_LIMIT": "10000/h",
        "FEEDBACK_RATE_LIMIT": "10000/h",
        "STATISTICS_FLUSH_SECONDS": "1",
        "DJANGO_LOG_LEVEL": "WARNING",
    }


class SupervisedWorker:
    """`manage.py db_worker`, restarted whenever it exits, as systemd's Restart=always would."""

    def __init__(self, env: dict, log_path):
        self.env, self.log_path = env, log_path
        self.restarts = 0
        self.running = True
        self.process = None
        self.thread = threading.Thread(target=self._supervise, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _supervise(self) -> None:
        command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
        with open(self.log_path, "a") as log:
            while self.running:
                self.process = subprocess.Popen(command, cwd=REPO, env=self.env, stdout=log, stderr=log)
                self.process.wait()
                if self.running:
                    self.restarts += 1
                    time.sleep(1)

    def stop(self) -> None:
        self.running = False
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.thread.join(timeout=10)


@dataclass
class Answer:
    status: int
    body: str
    seconds: float
    location: str = ""
    headers: dict | None = None


class Visitor:
    """A browser, as far as the site can tell: cookies, the form's hidden tokens, same-origin posts."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar(policy=BehindTLSProxy())), KeepRedirects
        )
        public = base.replace("http://", "https://", 1)
        self.opener.addheaders = [("X-Forwarded-Proto", "https"), ("Origin", public), ("Referer", public + "/")]

    def request(self, path: str, data: dict | None = None) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        began = time.perf_counter()
        try:
            with self.opener.open(self.base + path, data=body, timeout=REQUEST_TIMEOUT) as response:
                status, headers, text = response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:  # 302 (kept by KeepRedirects), 4xx, 5xx
            status, headers, text = error.code, dict(error.headers), error.read().decode()
        return Answer(status, text, time.perf_counter() - began, headers.get("Location", ""), headers)

    def get(self, path: str) -> Answer:
        return self.request(path)

    def send_inquiry(self, marker: str) -> tuple[Answer, str | None]:
        """Fill in and send the form; returns the answer and, after a redirect, the reference shown."""
        form = self.get("/find-a-clinic/")
        tokens = dict(HIDDEN.findall(form.body))
        answer = self.request("/find-a-clinic/", {**inquiry_answers(marker), **tokens})
        if answer.status != 302:
            return answer, None
        thanks = self.get(urllib.parse.urlsplit(answer.location).path)
        found = REFERENCE.search(thanks.body)
        return answer, found[1] if found else None


def inquiry_answers(marker: str) -> dict:
    return {
        "name": f"Chaos {marker}",
        "email": f"chaos.{marker}@example.invalid",
        "phone": "212 555 0100",
        "preferred_contact": "email",
        "location": f"Town {marker}",
        "us_state": "NY",
        "country": "United States",
        "topic": "depression",
        "message": f"Typed before the fault: {marker}",
        "is_adult": "on",
        "consent_to_contact": "on",
        "homepage": "",
        "source_path": "/",
    }


def keeps_answers(body: str, marker: str) -> bool:
    """Does a page that did not save the form still hold everything the visitor typed?"""
    typed = inquiry_answers(marker)
    return all(
        needle in body
        for needle in (
            f'value="{typed["name"]}"',
            f'value="{typed["email"]}"',
            f'value="{typed["location"]}"',
            f"{typed['message']}</textarea>",
        )
    ) and bool(re.search(r'<option value="NY" selected', body))
