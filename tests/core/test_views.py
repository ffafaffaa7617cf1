"""Liveness and the 404 page: the views every feature relies on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_without_touching_the_database(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")
    assert len(queries) == 0


def test_an_unknown_address_gets_the_site_404_page_with_its_frame(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="site-name"' in html  # rendered with the request: the page frame is there
    assert "crisis" in html.lower()
