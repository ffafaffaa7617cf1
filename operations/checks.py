"""Deployment checks Django does not make itself (run by `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register


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
