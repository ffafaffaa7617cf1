"""
Whole-page memo for anonymous readers.

A public page depends only on the content and the date, so it is rendered once per content
version and day and then served as stored bytes: an article page costs about what Django's own
request floor costs, and browsers that accept gzip get bytes compressed once. The memo belongs to
the Library snapshot it was built from, so an edited file (a new snapshot) starts it afresh, and it holds one entry
per page and variant. Logged-in users (staff previews) are always rendered fresh. Anything that
differs per visitor must not appear on a memoized page unless the page variant tells pages apart
(`core.page_variants`: consent names it, this module reads it).

Each stored page carries an ETag computed once, when it is stored, so a returning browser that
sends If-None-Match gets a bodiless 304. The tag is weak (W/) because the plain and gzipped bytes
are the same page in two encodings.
"""

import gzip
import hashlib
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers

from articles.library import get_library
from articles.snapshots import PerSnapshot
from core.page_variants import is_signed_in, page_variant


class _Stored:
    """A memoized page, kept plain and gzip-compressed so neither is redone per request, with the
    URL match it was rendered for (PageMemoMiddleware hands it on, since it skips resolving)."""

    def __init__(self, content: bytes, content_type: str, resolver_match):
        self.content = content
        self.compressed = gzip.compress(content, mtime=0)
        self.content_type = content_type
        self.etag = f'W/"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'
        self.resolver_match = resolver_match

    def response_for(self, request) -> HttpResponse:
        # META rather than request.headers: building that mapping costs more than the rest of this hit.
        accepts_gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        response = HttpResponse(self.compressed if accepts_gzip else self.content, content_type=self.content_type)
        if accepts_gzip:
            response["Content-Encoding"] = "gzip"
        response["ETag"] = self.etag
        patch_vary_headers(response, ("Accept-Encoding",))
        # A matching If-None-Match gets a bodiless 304 (weak comparison, as RFC 9110 prescribes).
        return get_conditional_response(request, etag=self.etag, response=response)


_memo_by_day = PerSnapshot(lambda library: {})


def _memo_for_today(library, today) -> dict:
    """The pages memoized for this snapshot today; a new day starts afresh (dates on pages change)."""
    by_day = _memo_by_day(library)
    if today not in by_day:
        by_day.clear()
        by_day[today] = {}
    return by_day[today]


def _memo_and_key(request) -> tuple[dict, tuple] | None:
    """Where this request's page is (or would be) memoized; None for a request that never is."""
    if request.method != "GET" or request.META.get("QUERY_STRING") or is_signed_in(request):
        return None
    return _memo_for_today(get_library(), timezone.localdate()), (request.path, page_variant(request))


def memoize_public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        found = _memo_and_key(request)
        if found is None:
            return view(request, *args, **kwargs)
        memo, key = found
        stored = memo.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming or response.cookies:
                return response
            memo[key] = stored = _Stored(response.content, response["Content-Type"], request.resolver_match)
        return stored.response_for(request)

    return wrapper


class PageMemoMiddleware:
    """Answers a request for a page the memo already holds before Django resolves its URL, as
    Django's own FetchFromCacheMiddleware does: resolving a translated address cost a third of
    such a hit. Only pages a view memoized are found here, so everything else goes on as usual.

    It sits below every middleware that reads the request or marks the response (consent names
    the page variant, the language is active, page views are counted from the URL match handed on)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Whether a session cookie belongs to a signed-in user is a database read: leave those to the
        # view, where a database that does not answer gets the 503 page (operations.middleware).
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return self.get_response(request)
        found = _memo_and_key(request)
        stored = found[0].get(found[1]) if found is not None else None
        if stored is None:
            return self.get_response(request)
        request.resolver_match = stored.resolver_match
        return stored.response_for(request)
