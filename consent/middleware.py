"""
Make the visitor's cookie choice true on the server.

`ConsentMiddleware` (placed above every middleware that sets cookies, so it sees their cookies
last) reads the signed consent cookie into `request.consent` and the preferences into
`request.preferences`, and names the page variant for the page memo (`core.page_variants`). On
the way out it removes any `Set-Cookie` for a cookie the registry does not know (with a warning)
or whose category the visitor has not accepted, and deletes cookies the browser still holds from a
category that is no longer accepted (withdrawal, a new policy version). A first visit, with no
cookies, costs a few dictionary look-ups.
"""

import logging

from consent import preferences as prefs
from consent import state
from consent.registry import CONSENT_COOKIE, NECESSARY, PREFERENCES_COOKIE, categories_by_name
from core.page_variants import page_variant_set, preferences_allowed_set

logger = logging.getLogger(__name__)


def page_variant(consent: state.Consent, preferences: prefs.Preferences) -> str:
    """What in the page differs by visitor: the banner, embedded media, and the reading preferences."""
    if not consent.chosen:
        return "gpc" if consent.gpc else ""
    variant = "cm" if consent.allows_external_media else "c"
    return variant if preferences.is_default else f"{variant}.{preferences.code}"


def consent_read(request) -> state.Consent:
    # META, not request.headers: building the headers mapping would cost more than this whole step.
    return state.decode(request.COOKIES.get(CONSENT_COOKIE), gpc=request.META.get("HTTP_SEC_GPC") == "1")


def preferences_read(request, consent: state.Consent) -> prefs.Preferences:
    """The reading preferences, honoured only while the visitor allows the preferences cookie."""
    return prefs.parse(request.COOKIES.get(PREFERENCES_COOKIE)) if consent.allows_preferences else prefs.DEFAULT


def cookies_filter(consent: state.Consent, response) -> None:
    """Drop every Set-Cookie the registry does not know or the visitor has not accepted."""
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


def held_cookies_withdraw(consent: state.Consent, held: dict, response) -> None:
    """Delete the cookies the browser holds from a category no longer accepted."""
    category_of = categories_by_name().get
    for name in held:
        category = category_of(name)
        if category not in (None, NECESSARY) and not consent.allows(category) and name not in response.cookies:
            response.delete_cookie(name, samesite="Lax")


class ConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.consent = consent_read(request)
        request.preferences = preferences_read(request, request.consent)
        page_variant_set(request, page_variant(request.consent, request.preferences))
        preferences_allowed_set(request, request.consent.allows_preferences)
        response = self.get_response(request)
        # A view that records a new choice replaces request.consent; enforce the newest one.
        self.enforce(request.consent, request.COOKIES, response)
        return response

    @staticmethod
    def enforce(consent: state.Consent, held: dict, response) -> None:
        if not response.cookies and not held:
            return  # a first visit
        cookies_filter(consent, response)
        held_cookies_withdraw(consent, held, response)
