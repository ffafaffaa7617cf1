"""Lets a response frame the allowed video players, only for a visitor who accepted external media."""

from embeds.syntax import ALLOWED_PLAYERS

FRAME_SOURCES = [f"https://{host}" for host in ALLOWED_PLAYERS]


class ExternalMediaFramesMiddleware:
    """Sits below django-csp's middleware (which reads `_csp_update`) and the consent middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # A view that records a new choice replaces request.consent, so read it after the view.
        if request.consent.allows_external_media:
            response._csp_update = {**getattr(response, "_csp_update", {}), "frame-src": FRAME_SOURCES}
        return response
