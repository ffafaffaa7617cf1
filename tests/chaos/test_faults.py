"""
Under each fault, while posts and page reads go on: no 500 on any page type, every post that
redirected is a row, every 503 still holds what was typed, and once the mail server works again
each inquiry's notification is delivered exactly once.

Run with `make chaos` (they start their own servers; the normal `make test` leaves them out).
"""

import itertools
import re
import time

import pytest

from tests.chaos.conftest import FIGURES, PAGES, WORST, record_worst
from tests.chaos.site import keeps_answers

pytestmark = pytest.mark.chaos

_markers = itertools.count(1)


def stored(stack) -> dict[str, tuple[str, object]]:
    """reference -> (name, notified_at) for every inquiry in the database."""
    rows = stack["postgres"].query("SELECT reference, name, notified_at FROM clinics_inquiry")
    return {reference: (name, notified_at) for reference, name, notified_at in rows}


def read_every_page(visitor, *, fault: str) -> dict[str, int]:
    statuses = {}
    for path in PAGES:
        answer = visitor.get(path)
        statuses[path] = answer.status
        record_worst(f"page reads ({fault})", answer.seconds)
        assert answer.status < 500 or answer.status == 503, f"{path} answered {answer.status} with {fault}"
    return statuses


def send_inquiries(stack, visitor, count: int, *, fault: str) -> list[str]:
    """Send `count` inquiries, reading every page between them; return the references shown."""
    references = []
    for _ in range(count):
        marker = f"{fault.replace(' ', '-')}-{next(_markers)}"
        answer, reference = visitor.send_inquiry(marker)
        FIGURES["posts tried"] += 1
        record_worst(f"posts ({fault})", answer.seconds)
        if answer.status == 302:
            assert reference, "a redirect to the thank-you page without a reference"
            references.append(reference)
        else:
            assert answer.status == 503, f"post answered {answer.status} with {fault}"
            assert answer.headers.get("Retry-After") == "120"
            assert "We could not save this just now" in answer.body and 'href="tel:988"' in answer.body
            assert keeps_answers(answer.body, marker), "a 503 lost what was typed"
            FIGURES["503s with every answer kept"] += 1
        read_every_page(visitor, fault=fault)
    return references


def assert_stored(stack, references: list[str]) -> None:
    rows = stored(stack)
    missing = [reference for reference in references if reference not in rows]
    assert not missing, f"redirected but not stored: {missing}"
    FIGURES["posts stored (redirected and found as a row)"] += len(references)


def test_mail_server_that_hangs_then_refuses_then_works(stack, visitor):
    mail = stack["mail"]
    warm = send_inquiries(stack, visitor, 2, fault="mail working first")  # every gunicorn worker warmed up
    mail.mode = "hang"
    hung = send_inquiries(stack, visitor, 6, fault="mail hanging")
    assert len(hung) == 6, "every post is stored while the mail server hangs"
    assert WORST["posts (mail hanging)"] < 1.0, "a post waited for the mail server"
    time.sleep(2)  # the worker tries, and its attempts hang until EMAIL_TIMEOUT
    mail.mode = "refuse"
    refused = send_inquiries(stack, visitor, 4, fault="mail refusing")
    time.sleep(2)
    mail.mode = "work"
    working = send_inquiries(stack, visitor, 2, fault="mail working")
    references = warm + hung + refused + working
    assert_stored(stack, references)

    deadline = time.monotonic() + 90  # retries back off from 1 s, doubling
    while time.monotonic() < deadline and any(stored(stack)[ref][1] is None for ref in references):
        time.sleep(0.5)
    time.sleep(2)  # a duplicate, if there were one, would have time to arrive
    delivered = [re.search(r"Reference: (\S+)", message)[1] for message in mail.messages]
    FIGURES["notifications due"] += len(references)
    FIGURES["notifications sent"] += len(delivered)
    assert sorted(delivered) == sorted(references), "each inquiry's notification exactly once"
    failed = stack["postgres"].query("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status='FAILED'")
    FIGURES["failed notification attempts (shown in the admin)"] += failed[0][0]
    assert failed[0][0] > 0


def test_redis_killed_mid_run(stack, visitor):
    redis = stack["redis"]
    before = send_inquiries(stack, visitor, 2, fault="redis up")
    redis.kill()
    during = send_inquiries(stack, visitor, 4, fault="redis killed")
    assert len(during) == 4, "posts are stored while Redis is down"
    statuses = read_every_page(visitor, fault="redis killed")
    assert statuses["/readyz"] == 503
    consent = visitor.request("/cookies/choose/", {"choice": "accept", "next": "/"})
    assert consent.status == 302 and "consent=" in consent.headers.get("Set-Cookie", "")
    redis.start()
    after = send_inquiries(stack, visitor, 2, fault="redis back")
    assert visitor.get("/readyz").status == 200
    assert_stored(stack, before + during + after)


def test_postgres_stopped_and_started_mid_run(stack, visitor):
    postgres = stack["postgres"]
    before = send_inquiries(stack, visitor, 2, fault="database up")
    postgres.stop()
    try:
        during = send_inquiries(stack, visitor, 4, fault="database stopped")
        assert during == [], "no post can redirect while the database is down"
        statuses = read_every_page(visitor, fault="database stopped")
        needs_database = {"/readyz"}
        expected = {"/staff/reviews/": 404}  # staff pages are invisible to anyone not signed in
        assert all(
            status == expected.get(path, 200) for path, status in statuses.items() if path not in needs_database
        ), statuses
        feedback = visitor.request("/feedback/", {"article": "crisis-help", "helpful": "no", "comment": "Kept?"})
        assert feedback.status == 503 and "Kept?</textarea>" in feedback.body
        consent = visitor.request("/cookies/choose/", {"choice": "reject", "next": "/"})
        assert consent.status == 302 and "consent=" in consent.headers.get("Set-Cookie", "")
    finally:
        postgres.start()
    after = send_inquiries(stack, visitor, 2, fault="database back")
    assert len(after) == 2, "the next post after the database returns is stored, with no restart"
    assert_stored(stack, before + after)
