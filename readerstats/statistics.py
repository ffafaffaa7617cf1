"""
First-party article statistics, counted without a database write on any reader's request path.

Design (the simplest honest one we found):
- Each view of an article page (a 200 for an anonymous GET from the view the setting
  STATISTICS_ARTICLE_VIEW names, `articles:detail`) adds one to an in-process counter. It works
  with JavaScript off and needs no extra request, and costs a dict update under a lock (under a
  microsecond), on memoized pages too. Views are dated when they are written, which saves working
  out the local date on every request; a view in the last seconds before midnight may count for
  the next day.
- With statistics consent, the reader carries a random `visitor_id` cookie that expires at the end
  of the day; a keyed hash of it is remembered with the view, so unique readers per article per day
  can be counted. Without consent only the cookieless view count exists. The id is signed
  (django.core.signing): a cookie the site did not sign counts no reader and is replaced, so made-up
  ids cannot inflate the count. (A client that sends no cookie at all is a new reader each time:
  that is what a first visit looks like.)
- Every STATISTICS_FLUSH_SECONDS, the first request to *finish* after that time writes the buffer in
  one transaction. `request_finished` fires after the WSGI server has sent the response, so no
  reader waits for it. Views are added with `UPDATE ... SET views = views + n`, reader hashes are
  inserted with conflicts ignored and unique readers recounted from them, so several workers and
  machines add up correctly. Reader hashes from before yesterday are deleted in the same flush:
  only daily totals are kept.

Trade-off, stated plainly: a worker that stops keeps at most STATISTICS_FLUSH_SECONDS of counts
unwritten, and they are lost. A failed flush keeps its counts for the next one.
"""

import logging
import re
import secrets
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.signals import request_finished
from django.db import Error, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from readerstats.models import ArticleDailyViews, DailyReader

logger = logging.getLogger(__name__)

VISITOR_ID = re.compile(r"^[0-9a-f]{32}$")
# The salts keep the name of the module this came from, so cookies and hashes already out there stay valid.
VISITOR_SIGNER = signing.Signer(salt="consent.statistics.visitor-id")

_lock = threading.Lock()
_views: Counter = Counter()  # slug -> views
_readers: set[tuple[str, str]] = set()  # (slug, visitor id)
_flushed_at = time.monotonic()


def page_view_record(*, slug: str, visitor_id: str | None) -> None:
    """Count one view (and, given a visitor id, one reader) in this process's buffer."""
    with _lock:
        _views[slug] += 1
        if visitor_id:
            _readers.add((slug, visitor_id))


def reader_hash(*, day: date, visitor_id: str) -> str:
    return salted_hmac("consent.statistics.reader", f"{day.isoformat()}:{visitor_id}").hexdigest()[:32]


def visitor_id_from(cookie_value: str | None) -> str | None:
    """The id in a visitor cookie this site signed, or None for a missing, made-up or tampered one."""
    try:
        visitor_id = VISITOR_SIGNER.unsign(cookie_value or "")
    except signing.BadSignature:
        return None
    return visitor_id if VISITOR_ID.match(visitor_id) else None


def visitor_id_new() -> str:
    return secrets.token_hex(16)


def visitor_cookie_value(visitor_id: str) -> str:
    return VISITOR_SIGNER.sign(visitor_id)


def visitor_cookie_expiry(day: date) -> datetime:
    """The end of `day` in the site's time zone: the id counts a reader for one day only."""
    return datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=timezone.get_current_timezone())


def page_views_flush() -> None:
    """Write the buffered counts to the database; on failure keep them for the next flush."""
    global _views, _readers, _flushed_at
    with _lock:
        views, readers = _views, _readers
        _views, _readers, _flushed_at = Counter(), set(), time.monotonic()
    if not views and not readers:
        return
    day = timezone.localdate()
    try:
        with transaction.atomic():
            for slug, count in views.items():
                _add_views(day=day, slug=slug, count=count)
            _add_readers(day=day, readers=readers)
    except Error:  # the database is down (OperationalError) or its connection broke (InterfaceError)
        logger.exception("statistics: flush failed; keeping %d view counts for the next one", len(views))
        with _lock:
            _views.update(views)
            _readers.update(readers)


def _add_views(*, day: date, slug: str, count: int) -> None:
    if ArticleDailyViews.objects.filter(day=day, slug=slug).update(views=F("views") + count):
        return
    try:
        with transaction.atomic():
            ArticleDailyViews.objects.create(day=day, slug=slug, views=count)
    except IntegrityError:  # another worker created the row first
        ArticleDailyViews.objects.filter(day=day, slug=slug).update(views=F("views") + count)


def _add_readers(*, day: date, readers: set[tuple[str, str]]) -> None:
    """Store keyed hashes of the day's readers (never the ids) and recount unique readers from them."""
    if not readers:
        return
    DailyReader.objects.bulk_create(
        [DailyReader(day=day, slug=slug, reader=reader_hash(day=day, visitor_id=visitor)) for slug, visitor in readers],
        ignore_conflicts=True,
    )
    for slug in {slug for slug, _ in readers}:
        unique = DailyReader.objects.filter(day=day, slug=slug).count()
        ArticleDailyViews.objects.filter(day=day, slug=slug).update(unique_readers=unique)
    DailyReader.objects.filter(day__lt=day - timedelta(days=1)).delete()


def _flush_if_due(**kwargs) -> None:
    interval = settings.STATISTICS_FLUSH_SECONDS
    if interval is not None and (_views or _readers) and time.monotonic() - _flushed_at >= interval:
        page_views_flush()


def connect_flush() -> None:
    request_finished.connect(_flush_if_due, dispatch_uid="readerstats.statistics.flush")


def buffered() -> tuple[int, int]:
    """Views and reader entries waiting in this process (for tests and diagnostics)."""
    with _lock:
        return sum(_views.values()), len(_readers)


def buffer_clear() -> None:
    with _lock:
        _views.clear()
        _readers.clear()
