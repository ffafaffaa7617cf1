"""Staff pages outside the admin: invisible (404) to anyone not signed in as staff, so they never
reveal where the admin lives."""

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db


def staff_urls(patterns=None, prefix="") -> list[str]:
    """Every URL the site serves under /staff/ (so a new staff page is covered without editing this test)."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += staff_urls(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("staff/"):
            found.append("/" + route)
    return found


def test_there_are_staff_pages_to_check():
    assert {"/staff/reviews/", "/staff/feedback/"} <= set(staff_urls())


@pytest.mark.parametrize("url", staff_urls())
def test_anonymous_visitors_get_a_plain_404_that_names_no_admin_path(client, settings, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Location" not in response
    assert settings.ADMIN_PATH.strip("/") not in response.content.decode()


@pytest.mark.parametrize("url", staff_urls())
def test_signed_in_readers_who_are_not_staff_get_a_404_too(client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("reader", password="x-long-password-1"))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", staff_urls())
def test_clinic_staff_are_refused_every_editorial_page(client, django_user_model, url):
    desk = django_user_model.objects.create_user("desk", password="x-long-password-1", is_staff=True)
    desk.groups.add(Group.objects.get(name="Clinic staff"))
    client.force_login(desk)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", staff_urls())
def test_editors_open_every_staff_page(client, django_user_model, content_dir, url):
    editor = django_user_model.objects.create_user("ed", password="x-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(url).status_code == 200
