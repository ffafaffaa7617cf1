"""The rate-limit rules in isolation: the setting's format, the client address, the window."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from core.ratelimit import Rate, client_address, parse_rate, rate_limit_hit


@pytest.mark.parametrize(
    ("text", "rate"),
    [("5/h", Rate(5, 3600)), ("10/m", Rate(10, 60)), (" 200 / d ", Rate(200, 86400)), ("1/s", Rate(1, 1))],
)
def test_rate_setting_is_read(text, rate):
    assert parse_rate(text, setting="INQUIRY_RATE_LIMIT") == rate


@pytest.mark.parametrize("text", ["", "5", "5/hour", "five/h", "-1/h", "5/w"])
def test_bad_rate_setting_is_reported_clearly(text):
    with pytest.raises(ImproperlyConfigured, match="INQUIRY_RATE_LIMIT must look like '5/h'"):
        parse_rate(text, setting="INQUIRY_RATE_LIMIT")


def test_bad_rate_setting_fails_the_system_check(settings):
    from clinics.checks import check_inquiry_settings

    settings.INQUIRY_RATE_LIMIT = "lots"
    assert [error.id for error in check_inquiry_settings(None)] == ["clinics.E001"]


def request_from(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().post("/", REMOTE_ADDR=remote, **extra)


def test_forwarded_for_is_ignored_unless_proxies_are_trusted(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_from("10.0.0.5", "203.0.113.9")) == "10.0.0.5"


def test_one_trusted_proxy_means_the_last_forwarded_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forged the first entry; our proxy appended the address it really saw.
    assert client_address(request_from("10.0.0.5", "6.6.6.6, 203.0.113.9")) == "203.0.113.9"


def test_two_trusted_proxies_skip_the_inner_one(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request_from("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.0.0.4")) == "203.0.113.9"


def test_too_short_forwarded_for_falls_back_to_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request_from("10.0.0.5", "203.0.113.9")) == "10.0.0.5"
    assert client_address(request_from("10.0.0.5")) == "10.0.0.5"


def test_the_window_resets_on_the_clock(settings):
    settings.INQUIRY_RATE_LIMIT = "2/m"
    start = 1_800_000_000.0  # a whole minute
    verdicts = [
        rate_limit_hit(scope="test", rate_setting="INQUIRY_RATE_LIMIT", client="c", now=start + offset).allowed
        for offset in (0, 10, 59)
    ]
    assert verdicts == [True, True, False]
    later = rate_limit_hit(scope="test", rate_setting="INQUIRY_RATE_LIMIT", client="c", now=start + 60)
    assert later.allowed
    assert rate_limit_hit(scope="test", rate_setting="INQUIRY_RATE_LIMIT", client="c", now=start + 61).retry_after == 60


def test_ipv6_clients_are_counted_per_64_network(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    one = client_address(request_from("2001:db8:1:2:aaaa::1"))
    assert one == client_address(request_from("2001:db8:1:2:bbbb:cccc:dddd:9")) == "2001:db8:1:2::"
    assert client_address(request_from("2001:db8:1:3::1")) != one


def test_ipv4_addresses_are_kept_whole_and_mapped_ones_unwrapped(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("10.0.0.5", "203.0.113.9")) == "203.0.113.9"
    assert client_address(request_from("10.0.0.5", "::ffff:203.0.113.9")) == "203.0.113.9"


def test_a_forwarded_entry_that_is_no_address_falls_back_to_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("10.0.0.5", "not-an-address")) == "10.0.0.5"


def test_ipv6_neighbours_share_one_rate_limit(client, settings):
    settings.FEEDBACK_RATE_LIMIT = "1/h"
    first = rate_limit_hit(
        scope="t", rate_setting="FEEDBACK_RATE_LIMIT", client=client_address(request_from("2001:db8::1"))
    )
    second = rate_limit_hit(
        scope="t", rate_setting="FEEDBACK_RATE_LIMIT", client=client_address(request_from("2001:db8::2"))
    )
    assert first.allowed and not second.allowed
