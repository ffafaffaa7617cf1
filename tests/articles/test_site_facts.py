"""
The frame of every page (title, header, crisis bar, footer) takes the site's name and the crisis
article from the settings, including on the 500 page, which Django renders without a request.
"""

import re

import pytest
from django.test import Client
from django.urls import path

from ketamine_site import urls as site_urls

pytestmark = pytest.mark.django_db


def raise_error(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/500", raise_error), *site_urls.urlpatterns]


def assert_frame(html: str, name: str, crisis_url: str) -> None:
    assert re.search(rf"<title>[^<]+ \| {name}</title>", html)
    assert re.search(rf'<a class="site-name" href="/">{name}</a>', html)
    assert f'<a href="{crisis_url}">Help outside the US</a>' in html  # the crisis bar
    assert f'<a href="{crisis_url}">Crisis help</a>' in html  # the footer
    assert 'href="/topics/treatment/"' in html  # the topic navigation


def test_site_name_and_crisis_article_come_from_the_settings(client, content_dir, settings):
    settings.SITE_NAME = "Example Guide"
    settings.CRISIS_HELP_SLUG = "urgent-help"
    html = client.get("/find-a-clinic/").content.decode()
    assert_frame(html, "Example Guide", "/articles/urgent-help/")
    assert "Ketamine Therapy Guide" not in html and "/articles/crisis-help/" not in html
    assert html.count('href="/articles/urgent-help/"') == 3  # bar, the form's crisis notice, footer


@pytest.mark.urls(__name__)
def test_server_error_page_keeps_the_frame(content_dir, settings):
    response = Client(raise_request_exception=False).get("/boom/500")
    assert response.status_code == 500
    assert_frame(response.content.decode(), settings.SITE_NAME, "/articles/crisis-help/")


def test_search_box_allows_what_the_search_reads(client, content_dir):
    from articles.views import SEARCH_QUERY_MAX

    html = client.get("/find-a-clinic/").content.decode()
    assert f'name="q" type="search" value="" maxlength="{SEARCH_QUERY_MAX}"' in html
