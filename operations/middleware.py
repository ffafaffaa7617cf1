"""Response headers Django has no setting for (Cross-Origin-Resource-Policy, Permissions-Policy);
a 503 instead of a 500 when the database is down."""

import logging

from django import db
from django.conf import settings
from django.shortcuts import render

from core.unavailable import retry_later

logger = logging.getLogger(__name__)


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """{"camera": [], "fullscreen": ["self"]} -> 'camera=(), fullscreen=(self)'."""
    return ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in policy.items())


class SecurityHeadersMiddleware:
    """Adds both headers to every response; the values are built once, from settings, at startup."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Cross-Origin-Resource-Policy": settings.CROSS_ORIGIN_RESOURCE_POLICY,
            "Permissions-Policy": permissions_policy_header(settings.PERMISSIONS_POLICY),
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value:
                response.headers.setdefault(name, value)
        return response


class DatabaseUnavailableMiddleware:
    """A page that needs the database while it is down answers 503 with Retry-After, never 500.

    Form posts handle this themselves, so they can show the visitor's answers again
    (core.unavailable); this catches every other page, such as the staff pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, db.Error):
            return None
        logger.exception("the database did not answer for %s", request.path, exc_info=exception)
        return retry_later(render(request, "503.html"))
