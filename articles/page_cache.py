"""
Whole-page memo for anonymous readers.

A public page depends only on the content and the date, so it is rendered once per content
version and day and then served as stored bytes: an article page costs about what Django's own
request floor costs, and browsers that accept gzip get bytes compressed once. The memo lives on
the Library snapshot, so an edited file (a new snapshot) starts it afresh, and it holds one entry
per page and variant. Logged-in users (staff previews) are always rendered fresh. Anything that
differs per visitor must not appear on a memoized page unless `page_variant` tells pages apart.
"""

import gzip
from functools import wraps

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from articles.library import get_library


def page_variant(request) -> str:
    """What, besides the path, makes one anonymous reader's page differ from another's."""
    return getattr(request, "page_variant", "")


class _Stored:
    """A memoized page, kept plain and gzip-compressed so neither is redone per request."""

    def __init__(self, content: bytes, content_type: str):
        self.content = content
        self.compressed = gzip.compress(content, mtime=0)
        self.content_type = content_type

    def response_for(self, request) -> HttpResponse:
        accepts_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
        response = HttpResponse(self.compressed if accepts_gzip else self.content, content_type=self.content_type)
        if accepts_gzip:
            response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ["Accept-Encoding"])
        return response


def memoize_public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.GET or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        memo = get_library().page_memo(timezone.localdate())
        key = (request.path, page_variant(request))
        stored = memo.get(key)
        if stored is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming or response.cookies:
                return response
            memo[key] = stored = _Stored(response.content, response["Content-Type"])
        return stored.response_for(request)

    return wrapper
