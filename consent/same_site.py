"""
Trust decisions about where a request comes from and where a redirect may go.

The banner's choice is posted from public article pages, which are memoized whole and served to
first-time visitors without any cookie. A CSRF token would have to be minted (and a `csrftoken`
cookie set) on every such first page view, making each one uncacheable and slower, so the banner's
POST is protected instead by a strict same-origin check, the check Django's CSRF middleware itself
relies on for HTTPS: the browser-set `Sec-Fetch-Site`, `Origin` (or, when a browser omits it,
`Referer`) must name this very site. The consent cookie is `SameSite=Lax`, so other sites' requests
never carry the stored choice either. The worst a forged request could do is change a cookie
choice; these headers cannot be set by another site's page, so it is refused.
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
