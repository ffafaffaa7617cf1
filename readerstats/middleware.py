"""Counts article views on the way out (see `readerstats.statistics`)."""

from django.conf import settings
from django.utils import timezone

from consent.registry import VISITOR_COOKIE
from consent.services import cookie_set
from core.page_variants import is_signed_in
from readerstats import statistics


def _counted(request, response) -> bool:
    """An anonymous reader's successful GET of an article page."""
    match = request.resolver_match
    return (
        response.status_code == 200
        and request.method == "GET"
        and match is not None
        and match.view_name == settings.STATISTICS_ARTICLE_VIEW
        and not is_signed_in(request)
    )


def _visitor_id(request, response) -> str | None:
    """The reader's day-long signed random id, given statistics consent; a new one goes in a cookie."""
    if not request.consent.allows_statistics:
        return None
    held = request.COOKIES.get(VISITOR_COOKIE)
    visitor_id = statistics.visitor_id_from(held)
    if visitor_id is None:
        new_id = statistics.visitor_id_new()
        expires = statistics.visitor_cookie_expiry(timezone.localdate())
        cookie_set(response, VISITOR_COOKIE, statistics.visitor_cookie_value(new_id), expires=expires)
        # A first visit is a new reader; a cookie we did not sign counts no one (made-up ids).
        visitor_id = new_id if held is None else None
    return visitor_id


class PageViewMiddleware:
    """Counts each article view; with statistics consent, gives the reader a day-long, signed random id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _counted(request, response):
            visitor_id = _visitor_id(request, response)
            statistics.page_view_record(slug=request.resolver_match.kwargs["slug"], visitor_id=visitor_id)
        return response
