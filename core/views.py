"""The views every site needs whatever its features: liveness and the 404 page."""

from django.http import HttpResponse
from django.shortcuts import render


def healthz(request):
    """Liveness: answers while the process can serve requests. Deliberately does no I/O."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception):
    # Rendered with the request, unlike Django's default, so the page frame (navigation, crisis help) shows.
    # A missing page has no counterpart: the language switcher offers the other edition's home page.
    return render(request, "404.html", {"alternates": {}}, status=404)
