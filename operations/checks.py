"""System check: behind a proxy, TRUSTED_PROXY_COUNT must say so, or every visitor is one client."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def check_proxy_settings(app_configs, **kwargs):
    if settings.SECURE_PROXY_SSL_HEADER and settings.TRUSTED_PROXY_COUNT == 0:
        return [
            checks.Warning(
                "DJANGO_TRUST_X_FORWARDED_PROTO is on (the site sits behind a proxy) but TRUSTED_PROXY_COUNT is 0, "
                "so every request seems to come from the proxy: one visitor's posts would use up the rate limits "
                "and lock the admin sign-in for everyone.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For (usually 1).",
                id="operations.W001",
            )
        ]
    return []
