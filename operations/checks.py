"""System checks Django does not make itself: deployment (run by `manage.py check --deploy`), the
proxy settings (behind a proxy, TRUSTED_PROXY_COUNT must say so, or every visitor is one client),
and the rate settings."""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from core.ratelimit import parse_rate


@register(Tags.security, deploy=True)
def local_fallbacks_check(app_configs, **kwargs) -> list[Error]:
    """Production must bring its own key and host names; the local command fallbacks are for laptops."""
    if not settings.LOCAL_COMMAND:
        return []
    return [
        Error(
            "DJANGO_SECRET_KEY is not set, so this command runs with the local-only key and host names.",
            hint="Set DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS as in README, 'Production environment'.",
            id="operations.E001",
        )
    ]


@register(Tags.security)
def check_proxy_settings(app_configs, **kwargs) -> list[Warning]:
    if settings.SECURE_PROXY_SSL_HEADER and settings.TRUSTED_PROXY_COUNT == 0:
        return [
            Warning(
                "DJANGO_TRUST_X_FORWARDED_PROTO is on (the site sits behind a proxy) but TRUSTED_PROXY_COUNT is 0, "
                "so every request seems to come from the proxy: one visitor's posts would use up the rate limits "
                "and lock the admin sign-in for everyone.",
                hint="Set TRUSTED_PROXY_COUNT to the number of proxies that append to X-Forwarded-For (usually 1).",
                id="operations.W001",
            )
        ]
    return []


@register()
def check_rate_settings(app_configs, **kwargs) -> list[Error]:
    """A mistyped rate stops `manage.py check`, not a visitor's post (INQUIRY_RATE_LIMIT: clinics.checks)."""
    errors = []
    for setting in ("FEEDBACK_RATE_LIMIT", "CONSENT_RATE_LIMIT"):
        try:
            parse_rate(getattr(settings, setting), setting=setting)
        except ImproperlyConfigured as error:
            errors.append(Error(str(error), id="operations.E002"))
    return errors
