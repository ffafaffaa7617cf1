"""Feeds, sitemap, robots.txt, canonical links, social previews and structured data."""

import json
import re
import xml.etree.ElementTree as ElementTree
from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def site(write_article, settings):
    settings.SITE_URL = "https://example.org"
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    write_article("mechanism/how-it-works.md", updated="2026-03-01", next_review="2027-02-28")
    write_article("safety/risks.md", topic="safety", title="Risks & <limits>", tags="[bladder]")
    write_article("basics/draft.md", topic="basics", title="Draft piece", draft="true")
    write_article("basics/later.md", topic="basics", title="Later piece", published=tomorrow, updated=tomorrow)


def test_feed_is_atom_with_published_articles_only(client, site):
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    titles = sorted(entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry"))
    assert titles == ["How ketamine works", "Risks & <limits>"]
    links = {entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")}
    assert "https://example.org/articles/how-it-works/" in links


def test_sitemap_lists_published_articles_with_last_modified(client, site):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    entries = {url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")}
    assert entries["https://example.org/articles/how-it-works/"].text == "2026-03-01"
    assert "https://example.org/articles/risks/" in entries and "https://example.org/" in entries
    assert not any("draft" in loc or "later" in loc for loc in entries)


def test_robots_points_to_the_sitemap(client, site):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://example.org/sitemap.xml" in body and "Disallow: /admin/" in body
    assert "Disallow: /search/\n" in body and "Disallow: /es/buscar/\n" in body  # each edition's search


def test_article_head_has_canonical_description_and_social_preview(client, site):
    html = client.get("/articles/how-it-works/").content.decode()
    assert '<link rel="canonical" href="https://example.org/articles/how-it-works/">' in html
    assert '<meta name="description" content="A short plain summary.">' in html
    assert '<meta property="og:title" content="How ketamine works">' in html
    assert '<meta property="og:type" content="article">' in html


def test_json_ld_parses_and_uses_schema_org_properties(client, site):
    html = client.get("/articles/risks/").content.decode()
    [payload] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(payload)
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == "Risks & <limits>"  # escaped in the page, intact once parsed
    assert "<limits>" not in payload
    assert data["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    assert data["lastReviewed"] == "2026-02-01"
    drugs = {drug["name"]: drug for drug in data["about"]}
    assert drugs["Esketamine"]["administrationRoute"] == "intranasal"
    assert drugs["Ketamine"]["legalStatus"]["@type"] == "DrugLegalStatus"
    assert "reviewedBy" not in data  # no reviewer is ever invented


@pytest.mark.parametrize("url", ["/sitemap.xml", "/feed/"])
def test_addresses_come_from_site_url_not_the_host_header(client, site, url):
    body = client.get(url, HTTP_HOST="localhost").content.decode()
    assert "https://example.org/articles/how-it-works/" in body
    assert "localhost" not in body and "testserver" not in body
