"""System check: a mistyped INQUIRY_RATE_LIMIT stops `manage.py check` and deploys, not a visitor's post."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from core.ratelimit import parse_rate


@checks.register()
def check_inquiry_settings(app_configs, **kwargs):
    errors = []
    try:
        parse_rate(settings.INQUIRY_RATE_LIMIT, setting="INQUIRY_RATE_LIMIT")
    except ImproperlyConfigured as error:
        errors.append(checks.Error(str(error), id="clinics.E001"))
    if settings.INQUIRY_MIN_SECONDS >= settings.INQUIRY_MAX_SECONDS:
        errors.append(checks.Error("INQUIRY_MIN_SECONDS must be less than INQUIRY_MAX_SECONDS", id="clinics.E002"))
    return errors
