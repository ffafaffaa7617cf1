"""Views that misbehave on purpose: each tries to set a cookie the visitor may not have allowed."""

from django.http import HttpResponse
from django.urls import path

from ketamine_site import urls as site_urls


def sets_statistics_cookie(request):
    response = HttpResponse("ok")
    response.set_cookie("visitor_id", "0" * 32)
    return response


def sets_unregistered_cookie(request):
    response = HttpResponse("ok")
    response.set_cookie("tracker", "abc")
    return response


def deletes_one_cookie_then_sets_others(request):
    """A deletion first: the filter must still look at every cookie after it."""
    response = HttpResponse("ok")
    response.delete_cookie("prefs")
    response.set_cookie("visitor_id", "0" * 32)
    response.set_cookie("tracker", "abc")
    return response


def deletes_unregistered_cookie(request):
    """Clearing an old cookie the registry no longer lists stores nothing, so it must get through."""
    response = HttpResponse("ok")
    response.delete_cookie("tracker")
    return response


urlpatterns = [
    path("test/statistics-cookie/", sets_statistics_cookie),
    path("test/unregistered-cookie/", sets_unregistered_cookie),
    path("test/delete-then-set/", deletes_one_cookie_then_sets_others),
    path("test/delete-unregistered/", deletes_unregistered_cookie),
    *site_urls.urlpatterns,
]
