"""
An explicit caching policy for every response, so a shared cache (nginx, a CDN) may store what is
the same for everyone and never what belongs to one visitor. Three classes:

- **public**: a GET or HEAD from a visitor with no cookies, answered without setting any and
  without a CSRF token in it: `public, max-age=0, s-maxage=SHARED_CACHE_SECONDS,
  stale-while-revalidate=...`. Browsers revalidate every time (the ETag makes that a bodiless 304),
  shared caches keep it for a short while.
- **private**: the same request from a visitor who carries cookies (a consent choice, reading
  preferences): their page may differ, so only their own browser keeps it.
- **private, no-store**: anything that sets a cookie, holds a CSRF token, is for a browser with a
  session (staff), or is not a GET: staff pages, the admin, the find-a-clinic form and its thank-you page.

Pages differ by the consent cookie and the Global Privacy Control signal, so every response says
`Vary: Cookie, Sec-GPC`. A response that set Cache-Control itself (never_cache, WhiteNoise's
static files) keeps it, unless it sets a cookie, which always makes it `private, no-store`.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

PUBLIC_STATUSES = frozenset({200, 301, 304, 404, 410})
VARY_BY = ("Cookie", "Sec-GPC")


def response_is_personal(request, response) -> bool:
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    # Only staff ever get a session cookie. Whether it is still signed in would be a database read
    # (one that fails while the database is down), and the page is private to them either way.
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class CachePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public = {
            "public": True,
            "max_age": 0,
            "s_maxage": settings.SHARED_CACHE_SECONDS,
            "stale_while_revalidate": settings.SHARED_CACHE_STALE_SECONDS,
        }

    def __call__(self, request):
        response = self.get_response(request)
        if response_is_personal(request, response) or request.method not in ("GET", "HEAD"):
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, private=True, no_store=True)
        elif "Cache-Control" not in response:
            if request.COOKIES or response.status_code not in PUBLIC_STATUSES:
                patch_cache_control(response, private=True, max_age=0)
            else:
                patch_cache_control(response, **self.public)
        patch_vary_headers(response, VARY_BY)
        return response
