"""
Per-client limits on form posts (inquiries, feedback), counted in Django's cache.

A rate setting reads like "5/h": at most 5 posts per client per hour (units s, m, h, d).
Windows are fixed (they start on the clock), so a client can send at most twice the limit across
a window boundary; that is enough to stop a flood. With several workers the cache must be shared
(REDIS_URL), or each worker counts alone. Clients are keyed by a keyed hash of their address, so
the cache holds no IP address either. When the shared cache is down the limit still holds, counted
in each process's memory (core.cache_fallback), and the post goes ahead.
"""

import ipaddress
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache.backends.base import BaseCache
from django.core.exceptions import ImproperlyConfigured
from django.utils.crypto import salted_hmac

from core.cache_fallback import cache_call

UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE_PATTERN = re.compile(r"^\s*(\d+)\s*/\s*([smhd])\s*$")
IPV6_CLIENT_PREFIX = 64  # the smallest network a provider gives one customer


@dataclass(frozen=True)
class Rate:
    count: int
    period: int  # seconds


def parse_rate(text: str, *, setting: str) -> Rate:
    match = RATE_PATTERN.match(text)
    if not match:
        raise ImproperlyConfigured(f"{setting} must look like '5/h' (units s, m, h, d), not {text!r}")
    return Rate(count=int(match[1]), period=UNIT_SECONDS[match[2]])


def client_address(request) -> str:
    """The visitor's address: REMOTE_ADDR, or the one our trusted proxies recorded in X-Forwarded-For.

    An IPv6 client gets a whole /64 from its provider and may pick any address in it, so it is
    counted by that network (given as its first address, which axes can store as an address too).
    django-axes uses this same function (AXES_CLIENT_IP_CALLABLE), so both limits see one client."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        # Each trusted proxy appends the address it saw; anything further left may be forged.
        if len(hops) >= proxies and (address := _client_network(hops[-proxies])):
            return address
    return _client_network(remote) or remote


def _client_network(text: str) -> str | None:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/{IPV6_CLIENT_PREFIX}", strict=False).network_address)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the current window ends


def rate_limit_hit(*, scope: str, rate_setting: str, client: str, now: float | None = None) -> Verdict:
    """Count one post in `scope` for `client`, limited by the setting named `rate_setting`;
    not allowed when that goes over the limit (the caller must refuse the post)."""
    rate = parse_rate(getattr(settings, rate_setting), setting=rate_setting)
    now = time.time() if now is None else now
    window = int(now // rate.period)
    client_key = salted_hmac("ketamine_site.rate-limit", client).hexdigest()[:32]
    key = f"ratelimit:{scope}:{client_key}:{window}"
    count = cache_call(lambda cache: _increment(cache, key, timeout=rate.period), purpose="rate limit")
    return Verdict(allowed=count <= rate.count, retry_after=int((window + 1) * rate.period - now) + 1)


def _increment(cache: BaseCache, key: str, *, timeout: int) -> int:
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr (a full local-memory cache culls entries)
        cache.set(key, 1, timeout=timeout)
        return 1
