"""System checks: behind a proxy, TRUSTED_PROXY_COUNT must say so, or every visitor is one client;
the rate settings must parse."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from ketamine_site.ratelimit import parse_rate


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


@checks.register()
def check_rate_settings(app_configs, **kwargs):
    """A mistyped rate stops `manage.py check`, not a visitor's post (INQUIRY_RATE_LIMIT: clinics.checks)."""
    errors = []
    for setting in ("FEEDBACK_RATE_LIMIT", "CONSENT_RATE_LIMIT"):
        try:
            parse_rate(getattr(settings, setting), setting=setting)
        except ImproperlyConfigured as error:
            errors.append(checks.Error(str(error), id="operations.E001"))
    return errors
