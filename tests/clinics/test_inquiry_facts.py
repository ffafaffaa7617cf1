"""The find-a-clinic pages state the rate-limit window and the form's cookie as the settings have them."""

import pytest

pytestmark = pytest.mark.django_db


def test_privacy_notice_states_the_rate_window_and_cookie_name_from_the_settings(client, settings):
    settings.INQUIRY_RATE_LIMIT = "3/d"
    settings.CSRF_COOKIE_NAME = "form_guard"
    html = client.get("/privacy/").content.decode()
    assert "and expires within a day." in html
    assert "one cookie (<code>form_guard</code>)" in html
    assert "hour" not in html and "csrftoken" not in html


@pytest.mark.parametrize(("rate", "words"), [("1/m", "a minute"), ("1/h", "an hour")])
def test_refused_inquiry_says_when_to_try_again_and_where_help_is(post_inquiry, settings, rate, words):
    settings.INQUIRY_RATE_LIMIT = rate
    settings.CRISIS_HELP_SLUG = "urgent-help"
    assert post_inquiry().status_code == 302
    refused = post_inquiry(email="second@example.com")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert f"please try again in {words}." in html
    assert 'href="tel:988"' in html and html.count('href="/articles/urgent-help/"') == 3  # bar, text, footer
