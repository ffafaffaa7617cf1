"""
Every cookie the site may set, and the category that decides whether it may be set.

One registry in code: the middleware strips any `Set-Cookie` whose name is not here or whose
category the visitor has not accepted, and `/cookies/` is generated from it, so the page and the
behaviour cannot drift apart.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.languages import LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE

NECESSARY = "necessary"
PREFERENCES = "preferences"
STATISTICS = "statistics"
EXTERNAL_MEDIA = "external_media"
OPTIONAL_CATEGORIES = (PREFERENCES, STATISTICS, EXTERNAL_MEDIA)

CONSENT_COOKIE = "consent"
PREFERENCES_COOKIE = "prefs"
VISITOR_COOKIE = "visitor_id"


@dataclass(frozen=True)
class Category:
    key: str
    title: str
    description: str
    switch_label: str = ""  # the settings form's checkbox, for a category the visitor can switch
    always_on: bool = False


@dataclass(frozen=True)
class CookieInfo:
    name: str
    category: str
    purpose: str
    lifetime: str


CATEGORIES = (
    Category(
        NECESSARY,
        _("Necessary"),
        _("Keep the site working and secure and remember your cookie choice. They cannot be switched off."),
        always_on=True,
    ),
    Category(
        PREFERENCES,
        _("Preferences"),
        _("Remember the reading preferences you set (larger text; light, dark or automatic theme) across visits."),
        _("Allow preferences cookies"),
    ),
    Category(
        STATISTICS,
        _("Statistics"),
        _(
            "Let us count how many different people read each article per day, in our own database. Without this we "
            "only count page views, with no cookie. No third-party service is involved."
        ),
        _("Allow statistics cookies"),
    ),
    Category(
        EXTERNAL_MEDIA,
        _("External media"),
        _(
            "Show videos embedded from other sites (such as YouTube's privacy-enhanced mode) directly in the page. "
            "Loading one sends your IP address and browser details to that site, which may set its own cookies under "
            "its own policy. Without this, each video shows as a link you can follow."
        ),
        _("Allow external media cookies"),
    ),
)
CATEGORIES_BY_KEY = {category.key: category for category in CATEGORIES}


def _days(seconds: int) -> str:
    days = round(seconds / 86400)
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


def cookies() -> tuple[CookieInfo, ...]:
    """The registry, with lifetimes read from the settings that set them."""
    return (
        CookieInfo(
            CONSENT_COOKIE,
            NECESSARY,
            _("Remembers your cookie choices, the policy version you chose under, when, and a random consent id."),
            _days(settings.CONSENT_COOKIE_AGE),
        ),
        CookieInfo(
            settings.CSRF_COOKIE_NAME,
            NECESSARY,
            _("Protects forms (such as the find-a-clinic form) against being sent from other sites."),
            _days(settings.CSRF_COOKIE_AGE),
        ),
        CookieInfo(
            settings.SESSION_COOKIE_NAME,
            NECESSARY,
            _("Keeps staff signed in to the editing area. Readers do not get it."),
            _days(settings.SESSION_COOKIE_AGE),
        ),
        CookieInfo(
            "messages",
            NECESSARY,
            _("Shows a one-time confirmation after an action in the staff area; removed once shown."),
            _("until shown"),
        ),
        CookieInfo(
            PREFERENCES_COOKIE,
            PREFERENCES,
            _("Remembers your theme and text size."),
            _days(settings.CONSENT_COOKIE_AGE),
        ),
        CookieInfo(
            LANGUAGE_COOKIE,
            PREFERENCES,
            _("Remembers whether you last read the site in English or Spanish, so the home page opens in it."),
            _days(LANGUAGE_COOKIE_MAX_AGE),
        ),
        CookieInfo(
            VISITOR_COOKIE,
            STATISTICS,
            _("A random number that lets us count you once per article per day. It is not linked to anything else."),
            _("until the end of the day"),
        ),
    )


def categories_by_name() -> dict[str, str]:
    """Cookie name to category, for every registered cookie (built once per set of configured names)."""
    return _index(settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME)


@lru_cache(maxsize=4)
def _index(*configured_names: str) -> dict[str, str]:
    return {cookie.name: cookie.category for cookie in cookies()}
