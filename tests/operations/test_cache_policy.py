"""Every response says who may keep it: shared caches the first-visit pages, nobody the personal ones."""

import pytest
from django.contrib.auth.models import Group
from django.http import HttpResponse

from consent.services import consent_cookie_set
from consent.state import NO_CHOICE, new_consent

pytestmark = pytest.mark.django_db


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


@pytest.fixture
def pages(write_article, settings):
    settings.SHARED_CACHE_SECONDS = 60
    settings.SHARED_CACHE_STALE_SECONDS = 30
    write_article("mechanism/how-it-works.md")
    write_article("mechanism/unfinished.md", title="Unfinished", draft="true")


@pytest.mark.parametrize("url", ["/", "/articles/how-it-works/", "/topics/mechanism/", "/search/?q=ketamine", "/feed/"])
def test_a_first_visit_page_may_be_kept_briefly_by_a_shared_cache(client, pages, url):
    response = client.get(url)
    assert response.status_code == 200
    assert directives(response) == {"public", "max-age=0", "s-maxage=60", "stale-while-revalidate=30"}
    assert {"cookie", "sec-gpc"} <= vary(response)
    assert not response.cookies


def test_a_revalidation_keeps_the_policy_and_the_etag(client, pages):
    first = client.get("/articles/how-it-works/", HTTP_ACCEPT_ENCODING="gzip")
    again = client.get("/articles/how-it-works/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    assert "s-maxage=60" in directives(again)
    assert {"accept-encoding", "cookie", "sec-gpc"} <= vary(again)


def test_a_visitor_with_a_consent_cookie_gets_a_private_page(client, pages):
    response = HttpResponse()
    consent_cookie_set(response, new_consent(accepted={"preferences"}, previous=NO_CHOICE))
    client.cookies.update(response.cookies)
    page = client.get("/articles/how-it-works/")
    assert page.status_code == 200
    assert directives(page) == {"private", "max-age=0"}


def test_a_signed_in_staff_preview_is_never_stored(client, pages, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x" * 20, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))  # drafts are for editors only
    client.force_login(editor)
    for url in ("/articles/unfinished/", "/articles/how-it-works/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= directives(response), url
        assert "public" not in directives(response)


@pytest.mark.parametrize("url", ["/find-a-clinic/", "/admin/login/", "/cookies/"])
def test_pages_with_a_csrf_token_are_never_stored(client, pages, url):
    response = client.get(url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)
    assert "public" not in directives(response)


def test_a_response_that_sets_a_cookie_is_never_stored(client, pages):
    response = client.post("/cookies/choose/", {"choice": "reject", "next": "/"}, HTTP_ORIGIN="http://testserver")
    assert response.cookies, "a choice sets the consent cookie"
    assert {"private", "no-store"} <= directives(response)


def test_a_server_error_or_a_missing_page_is_not_shared_for_long(client, pages):
    missing = client.get("/articles/no-such-article/")
    assert missing.status_code == 404 and "s-maxage=60" in directives(missing)
    assert "no-cache" in directives(client.get("/readyz")), "readiness keeps its own never_cache"
