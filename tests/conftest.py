"""Shared fixtures: a throwaway content folder the site reads from, and a valid article to start from."""

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.cache import cache
from django.http import HttpResponse

from core.cache_fallback import local_clear

VALID_FRONT_MATTER = {
    "title": "How ketamine works",
    "summary": "A short plain summary.",
    "topic": "mechanism",
    "tags": "[glutamate, nmda-receptor]",
    "published": "2026-01-10",
    "updated": "2026-02-01",
    "next_review": "2027-01-31",
    "references": textwrap.dedent(
        """
          - id: berman2000
            citation: "Berman RM, et al. Antidepressant effects of ketamine. Biol Psychiatry. 2000."
            doi: 10.1016/S0006-3223(99)00230-9
            pmid: "10686270"
          - id: zarate2006
            citation: "Zarate CA Jr, et al. A randomized trial of an NMDA antagonist. Arch Gen Psychiatry. 2006."
            pmid: "16894061\""""
    ).rstrip(),
}
VALID_BODY = """\
## Key points

- Ketamine acts fast for some people [@berman2000].
- The effect often fades within a week [@zarate2006; @berman2000].

## What happens

Plain text here.
"""


def make_article(body: str = VALID_BODY, drop: tuple[str, ...] = (), **fields: str) -> str:
    """The text of an article file: valid unless `fields` or `drop` say otherwise."""
    values = {**VALID_FRONT_MATTER, **fields}
    lines = [f"{key}: {value}" for key, value in values.items() if key not in drop]
    return "---\n" + "\n".join(lines) + "\n---\n" + body


REPO = Path(__file__).resolve().parent.parent


def clean_environment(**extra: str) -> dict[str, str]:
    """What `env -i PATH=... HOME=...` leaves: no Django or project variable at all."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/root"), **extra}


def run_manage(*args: str, cwd: Path = REPO, **extra_env: str) -> subprocess.CompletedProcess:
    """Run manage.py exactly as the README tells an editor to: the venv's Python, no environment."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=clean_environment(**extra_env),
        check=False,
    )


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counts live in the cache (with REDIS_URL, a shared one); each test starts with none."""
    cache.clear()
    local_clear()
    yield
    cache.clear()
    local_clear()


@pytest.fixture
def content_dir(tmp_path, settings) -> Path:
    """An empty content folder that the site reads from for this test."""
    folder = tmp_path / "content"
    folder.mkdir()
    settings.CONTENT_DIR = folder
    return folder


@pytest.fixture
def write_article(content_dir) -> Callable[..., Path]:
    """write_article("mechanism/how-it-works.md", text) writes a file in the content folder."""

    def write(relative_path: str, text: str | None = None, **fields: str) -> Path:
        path = content_dir / relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if text is not None else make_article(**fields), encoding="utf-8")
        return path

    return write


# Shared by several test packages: the find-a-clinic form's answers (clinics, faults, operations).

FORM_URL = "/find-a-clinic/"


def shown_seconds_ago(seconds: float) -> str:
    """A find-a-clinic form token as if the form had been shown `seconds` ago."""
    from clinics.antiabuse import form_token_issue

    return form_token_issue(now=time.time() - seconds)


@pytest.fixture
def answers() -> dict:
    """A complete, valid set of answers, as the browser would post them (the form shown 10 s ago)."""
    return {
        "name": "Jordan Rivera",
        "email": "jordan@example.com",
        "phone": "212 555 0123",
        "preferred_contact": "email",
        "location": "10001",
        "us_state": "NY",
        "country": "United States",
        "topic": "trd",
        "message": "Evenings are best.",
        "is_adult": "on",
        "consent_to_contact": "on",
        "homepage": "",
        "form_token": shown_seconds_ago(10),
        "source_path": "/articles/how-it-works/",
    }


@pytest.fixture
def post_inquiry(client, answers):
    """post_inquiry(email="x") posts the valid answers with some changed (None drops a field), each time
    as a freshly loaded form (a token is single-use) unless `form_token` is given."""

    def post(**changes):
        data = {**answers, "form_token": shown_seconds_ago(10), **changes}
        return client.post(FORM_URL, {key: value for key, value in data.items() if value is not None})

    return post


# The consent and statistics tests: an article to visit, a visitor's stored choice, the cookies a response sets.

ARTICLE_URL = "/articles/how-it-works/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(autouse=True)
def empty_statistics_buffer():
    from readerstats import statistics

    statistics.buffer_clear()
    yield
    statistics.buffer_clear()


@pytest.fixture
def article(write_article):
    write_article("mechanism/how-it-works.md")
    return ARTICLE_URL


@pytest.fixture
def give_consent(client):
    """give_consent({"statistics"}) stores that choice in the test client's cookie, as the site would."""

    from consent.services import consent_cookie_set
    from consent.state import NO_CHOICE, new_consent

    def give(accepted: set[str]):
        consent = new_consent(accepted=accepted, previous=NO_CHOICE)
        response = HttpResponse()
        consent_cookie_set(response, consent)
        client.cookies.update(response.cookies)
        return consent

    return give


def set_cookie_names(response) -> set[str]:
    """Cookies the response stores (deletions excluded)."""
    return {name for name, morsel in response.cookies.items() if morsel["max-age"] != 0}


def deleted_cookie_names(response) -> set[str]:
    return {name for name, morsel in response.cookies.items() if morsel["max-age"] == 0}
