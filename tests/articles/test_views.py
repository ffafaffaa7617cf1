import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from tests.conftest import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(write_article):
    """A small site: two public articles, a draft, a scheduled article, and an alias."""
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    write_article("mechanism/how-it-works.md", aliases="[old-how]")
    write_article(
        "treatment/routes.md",
        make_article(
            body="## Key points\n\n- See [how it works](../mechanism/how-it-works.md) [@berman2000; @zarate2006].\n",
            topic="treatment",
            title="Routes",
            tags="[nasal-spray]",
        ),
    )
    write_article("basics/secret-draft.md", topic="basics", title="Secret draft", draft="true")
    write_article("basics/coming-soon.md", topic="basics", title="Coming soon", published=tomorrow, updated=tomorrow)


def h1_count(response) -> int:
    return len(re.findall(rb"<h1[\s>]", response.content))


@pytest.mark.parametrize(
    "url", ["/", "/articles/", "/topics/mechanism/", "/topics/basics/", "/tags/nasal-spray/", "/articles/routes/"]
)
def test_every_page_type_answers_with_exactly_one_h1(client, site, url):
    response = client.get(url)
    assert response.status_code == 200
    assert h1_count(response) == 1


def test_article_page_shows_everything_a_reader_needs(client, site):
    html = client.get("/articles/routes/").content.decode()
    assert "<h1>Routes</h1>" in html
    assert "Published" in html and "Last updated" in html and "Next review due" in html
    assert '<dt>Page last reviewed</dt><dd><time datetime="2026-02-01">' in html  # no reviewed: the update
    assert 'href="/articles/how-it-works/"' in html  # internal .md link rewritten
    assert 'id="ref-berman2000"' in html and "https://doi.org/10.1016/S0006-3223(99)00230-9" in html
    assert 'href="#cite-berman2000-1"' in html  # back from the reference to the text
    assert "not yet had clinical review" in html
    assert "988" in html  # crisis help on every page
    assert "does not replace" in html  # disclaimer


def test_drafts_and_scheduled_articles_are_absent_from_lists_and_404_for_the_public(client, site):
    for url in ["/", "/articles/", "/topics/basics/"]:
        html = client.get(url).content.decode()
        assert "Secret draft" not in html and "Coming soon" not in html
    assert client.get("/articles/secret-draft/").status_code == 404
    assert client.get("/articles/coming-soon/").status_code == 404


def test_editors_preview_drafts_with_a_banner(client, site, django_user_model):
    staff = django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True)
    staff.groups.add(Group.objects.get(name="Editors"))
    client.force_login(staff)
    draft = client.get("/articles/secret-draft/")
    assert draft.status_code == 200 and b"this article is a draft" in draft.content
    scheduled = client.get("/articles/coming-soon/")
    assert scheduled.status_code == 200 and b"scheduled for" in scheduled.content


def test_clinic_staff_cannot_read_drafts_or_scheduled_articles(client, site, django_user_model):
    desk = django_user_model.objects.create_user("desk", password="a-long-password-1", is_staff=True)
    desk.groups.add(Group.objects.get(name="Clinic staff"))
    client.force_login(desk)
    assert client.get("/articles/secret-draft/").status_code == 404
    assert client.get("/articles/coming-soon/").status_code == 404
    assert client.get("/articles/how-it-works/").status_code == 200


def test_alias_redirects_permanently(client, site):
    response = client.get("/articles/old-how/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/how-it-works/"


def test_unknown_pages_get_the_friendly_404(client, site):
    for url in ["/articles/no-such-thing/", "/topics/astrology/", "/tags/nothing/", "/nowhere"]:
        response = client.get(url)
        assert response.status_code == 404
        assert b"We could not find that page" in response.content
        assert h1_count(response) == 1


def test_broken_file_does_not_take_the_site_down(client, site, write_article):
    write_article("safety/broken.md", "---\ntitle: [unclosed\n---\nBody\n")
    assert client.get("/").status_code == 200
    assert client.get("/articles/routes/").status_code == 200
    assert client.get("/articles/broken/").status_code == 404


def test_edit_shows_on_next_request(client, site, write_article):
    assert b"Brand new" not in client.get("/articles/").content
    write_article("basics/brand-new.md", topic="basics", title="Brand new")
    assert b"Brand new" in client.get("/articles/").content


def test_post_is_not_allowed_on_pages(client, site):
    assert client.post("/articles/routes/").status_code == 405


def test_overdue_review_is_announced(client, write_article):
    write_article(
        "basics/old.md", topic="basics", published="2024-01-01", updated="2024-01-01", next_review="2024-12-01"
    )
    assert b"due for review" in client.get("/articles/old/").content


def test_public_pages_are_served_the_same_until_the_content_changes(client, site, write_article):
    first = client.get("/articles/routes/")
    again = client.get("/articles/routes/")
    assert again.status_code == 200 and b"<h1>Routes</h1>" in again.content
    assert again.content == first.content and again["ETag"] == first["ETag"]
    write_article("treatment/routes.md", topic="treatment", title="Routes renamed")
    edited = client.get("/articles/routes/")
    assert b"<h1>Routes renamed</h1>" in edited.content and edited["ETag"] != first["ETag"]


def test_logged_in_users_are_never_served_a_memoized_page(client, site, django_user_model):
    client.get("/articles/routes/")  # memoized for anonymous readers
    client.force_login(django_user_model.objects.create_user("reader", password="a-long-password-1"))
    page = client.get("/articles/routes/")
    assert page.status_code == 200 and "ETag" not in page  # rendered for this user, not the stored copy
    assert "no-store" in page["Cache-Control"]


def test_memoized_page_is_served_compressed_to_browsers_that_accept_gzip(client, site):
    import gzip

    plain = client.get("/articles/routes/").content
    compressed = client.get("/articles/routes/", headers={"accept-encoding": "gzip, br"})
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain


def test_topic_lists_follow_the_editors_order_then_title(client, write_article):
    write_article("basics/zebra.md", topic="basics", title="Zebra first", order="1")
    write_article("basics/apple.md", topic="basics", title="Apple second")
    html = client.get("/topics/basics/").content.decode()
    assert html.index("Zebra first") < html.index("Apple second")
