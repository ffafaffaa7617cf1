"""
Make the visitor's cookie choice true on the server.

`ConsentMiddleware` (placed above every middleware that sets cookies, so it sees their cookies
last) reads the signed consent cookie into `request.consent` and the preferences into
`request.preferences`, and names the page variant for the page memo. On the way out it removes
any `Set-Cookie` for a cookie the registry does not know (with a warning) or whose category the
visitor has not accepted, and deletes cookies the browser still holds from a category that is no
longer accepted (withdrawal, a new policy version). A first visit, with no cookies, costs a few
dictionary look-ups.

`PageViewMiddleware` counts article views for the statistics (see `consent.statistics`).
"""

import logging

from django.utils import timezone

from articles.embeds import ALLOWED_PLAYERS
from articles.page_cache import is_signed_in
from consent import preferences as prefs
from consent import state, statistics
from consent.registry import CONSENT_COOKIE, NECESSARY, PREFERENCES_COOKIE, VISITOR_COOKIE, categories_by_name
from consent.services import cookie_set

# The Content-Security-Policy lets a page frame these players only for visitors who accepted external media.
EXTERNAL_MEDIA_FRAME_SOURCES = [f"https://{host}" for host in ALLOWED_PLAYERS]

logger = logging.getLogger(__name__)


def page_variant(consent: state.Consent, preferences: prefs.Preferences) -> str:
    """What in the page differs by visitor: the banner, embedded media, and the reading preferences."""
    if not consent.chosen:
        return "gpc" if consent.gpc else ""
    variant = "cm" if consent.allows_external_media else "c"
    return variant if preferences.is_default else f"{variant}.{preferences.code}"


class ConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # META, not request.headers: building the headers mapping would cost more than this whole step.
        consent = state.decode(request.COOKIES.get(CONSENT_COOKIE), gpc=request.META.get("HTTP_SEC_GPC") == "1")
        preferences = (
            prefs.parse(request.COOKIES.get(PREFERENCES_COOKIE)) if consent.allows_preferences else prefs.DEFAULT
        )
        request.consent, request.preferences = consent, preferences
        request.page_variant = page_variant(consent, preferences)
        response = self.get_response(request)
        # A view that records a new choice replaces request.consent; enforce the newest one.
        self.enforce(request.consent, request.COOKIES, response)
        if request.consent.allows_external_media:
            # Read by django-csp's middleware, which sits above this one.
            response._csp_update = {**getattr(response, "_csp_update", {}), "frame-src": EXTERNAL_MEDIA_FRAME_SOURCES}
        return response

    @staticmethod
    def enforce(consent: state.Consent, held: dict, response) -> None:
        if not response.cookies and not held:
            return  # a first visit
        category_of = categories_by_name().get
        for name, morsel in list(response.cookies.items()):
            if morsel["max-age"] == 0:
                continue  # a deletion stores nothing
            category = category_of(name)
            if category is None:
                logger.warning("consent: removed cookie %r that is not in the registry", name)
                del response.cookies[name]
            elif not consent.allows(category):
                del response.cookies[name]
        for name in held:
            category = category_of(name)
            if category not in (None, NECESSARY) and not consent.allows(category) and name not in response.cookies:
                response.delete_cookie(name, samesite="Lax")


class PageViewMiddleware:
    """Counts each article view; with statistics consent, gives the reader a day-long, signed random id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if (
            response.status_code == 200
            and request.method == "GET"
            and match is not None
            and match.view_name == statistics.ARTICLE_VIEW_NAME
            and not is_signed_in(request)
        ):
            visitor_id = None
            if request.consent.allows_statistics:
                held = request.COOKIES.get(VISITOR_COOKIE)
                visitor_id = statistics.visitor_id_from(held)
                if visitor_id is None:
                    new_id = statistics.visitor_id_new()
                    expires = statistics.visitor_cookie_expiry(timezone.localdate())
                    cookie_set(response, VISITOR_COOKIE, statistics.visitor_cookie_value(new_id), expires=expires)
                    # A first visit is a new reader; a cookie we did not sign counts no one (made-up ids).
                    visitor_id = new_id if held is None else None
            statistics.page_view_record(slug=match.kwargs["slug"], visitor_id=visitor_id)
        return response
