"""
The site's editions: English at the root, Spanish under `/es/` (settings.LANGUAGES).

A page's language comes from its address alone. Django's LocaleMiddleware would also consult the
`Accept-Language` header and a cookie, and add `Vary: Accept-Language` to every English page, which
splits shared caches and can switch a visitor's language without their asking. Here `/es/...` is
Spanish and everything else is English, for everyone.

A visitor who allows preference cookies has their last language remembered in the `language`
cookie (the consent middleware, above this one, drops it for everyone else): the home page at `/`
then takes them to their edition's home page. Nothing else redirects.
"""

from functools import cache

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_from_path, get_language_info, gettext

from core.page_variants import preferences_allowed

LANGUAGE_COOKIE = "language"
LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60
# og:locale and JSON-LD name a region too: the site is written for readers in the US.
LOCALES = {"en": "en_US", "es": "es_US"}


def language_codes() -> list[str]:
    return [code for code, _ in settings.LANGUAGES]


def other_languages(language: str) -> list[str]:
    return [code for code in language_codes() if code != language]


def current_language() -> str:
    """The active edition's code ('en' or 'es'), whatever regional form Django reports."""
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return active if active in language_codes() else settings.LANGUAGE_CODE


def reverse_in(language: str, viewname: str, args: tuple = ()) -> str:
    """A URL by name in `language`, whatever the page being served is in (its address is translated)."""
    with translation.override(language):
        return reverse(viewname, args=args)


def same_page_in(path: str, language: str) -> str | None:
    """The address of this page in `language`, for pages whose address differs only by language
    (a list, a topic, a form); None where the path names nothing there."""
    translated = translate_url(path, language)
    is_this_page = language == (get_language_from_path(path) or settings.LANGUAGE_CODE)
    return translated if translated != path or is_this_page else None


def language_links(request) -> dict:
    """The context processor (settings.TEMPLATES): this page in every language it exists in, by
    default the same page under the other language's address. A view whose counterpart has another
    address (an article) passes its own `alternates`, which replace these."""
    language = current_language()
    found = {code: same_page_in(request.path, code) for code in language_codes()}
    return {
        "alternates": {code: url for code, url in found.items() if url is not None},
        "page_locale": LOCALES[language],
        "other_editions": _other_editions(language),
    }


@cache
def _other_editions(language: str) -> list[dict]:
    """The switcher's other editions: each one's name, home page, and the words for that home page
    in its own language. Fixed for the life of the process, so worked out once per language."""
    editions = []
    for code in other_languages(language):
        with translation.override(code):
            home_label = gettext("Home page (English)")
        name = get_language_info(code)["name_local"]
        editions.append(
            {"code": code, "name": name, "home": reverse_in(code, "articles:home"), "home_label": home_label}
        )
    return editions


class LanguageFromPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Scoped to this request: whatever runs next in this thread sees the language it had before.
        with translation.override(language):
            return self.respond(request, language)

    def respond(self, request, language: str):
        remembered = request.COOKIES.get(LANGUAGE_COOKIE) if preferences_allowed(request) else None
        if request.path_info == "/" and remembered in other_languages(settings.LANGUAGE_CODE):
            return HttpResponseRedirect(reverse_in(remembered, "articles:home"))
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        # No cookie means the default language, so most visitors never get one, and only a visitor
        # who allows preference cookies gets it (the consent middleware would remove it anyway).
        if (
            preferences_allowed(request)
            and (remembered or settings.LANGUAGE_CODE) != language
            and response.status_code == 200
        ):
            if language == settings.LANGUAGE_CODE:
                response.delete_cookie(LANGUAGE_COOKIE, samesite="Lax")
            else:
                response.set_cookie(LANGUAGE_COOKIE, language, max_age=LANGUAGE_COOKIE_MAX_AGE, samesite="Lax")
        return response
