"""
The page-variant contract between whoever knows a visitor's state and the page memo (and the
language middleware, which honours a remembered language only with preference cookies allowed).

A memoized public page is the same for every anonymous visitor with the same variant. The module
that knows what differs between visitors (consent: the banner, embedded media, reading
preferences) names the variant with `page_variant_set`; the page memo reads it with
`page_variant`. Neither side imports the other: both import this module.
"""

from django.conf import settings

_ATTRIBUTE = "page_variant"
_PREFERENCES_ATTRIBUTE = "preferences_allowed"


def page_variant_set(request, variant: str) -> None:
    setattr(request, _ATTRIBUTE, variant)


def page_variant(request) -> str:
    """What, besides the path, makes one anonymous reader's page differ from another's ("" if nothing)."""
    return getattr(request, _ATTRIBUTE, "")


def is_signed_in(request) -> bool:
    """Whether a user is signed in: their pages are never memoized or counted as a reader's."""
    # Without a session cookie nobody is signed in, so most readers never load a user.
    return settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated


def preferences_allowed_set(request, allowed: bool) -> None:
    setattr(request, _PREFERENCES_ATTRIBUTE, allowed)


def preferences_allowed(request) -> bool:
    """Whether the visitor allows preference cookies, so a remembered choice may be honoured."""
    return getattr(request, _PREFERENCES_ATTRIBUTE, False)
