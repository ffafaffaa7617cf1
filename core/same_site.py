"""
Trust decisions about where a request comes from and where a redirect may go.

Forms on public article pages (the cookie banner, "Was this page helpful?") are posted from pages
that are memoized whole and served to first-time visitors without any cookie. A CSRF token would
have to be minted (and a `csrftoken` cookie set) on every such first page view, making each one
uncacheable and slower, so those POSTs are protected instead by a strict same-origin check, the
check Django's CSRF middleware itself relies on for HTTPS: the browser-set `Sec-Fetch-Site`,
`Origin` (or, when a browser omits it, `Referer`) must name this very site. Another site's page
cannot set these headers, so a forged post is refused. Forms that change anything that matters
(the find-a-clinic inquiry, the admin) keep Django's CSRF tokens.
"""

from urllib.parse import urlsplit

from django.utils.http import url_has_allowed_host_and_scheme


def _own_origin(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


def is_same_origin(request) -> bool:
    """Whether an unsafe request was sent by a page of this site (see the module docstring)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin == _own_origin(request)
    referer = request.headers.get("Referer")
    if not referer:
        return False
    parts = urlsplit(referer)
    return f"{parts.scheme}://{parts.netloc}" == _own_origin(request)


def safe_next(request, candidate: str | None, default: str = "/") -> str:
    """`candidate` if it is a path on this site, otherwise `default` (no open redirects)."""
    if (
        candidate
        and candidate.startswith("/")
        and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()}, require_https=False)
    ):
        return candidate
    return default
