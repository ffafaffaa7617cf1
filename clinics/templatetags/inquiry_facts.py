"""Settings the find-a-clinic pages state in words, read from the settings so the words stay true."""

from django import template
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.ratelimit import parse_rate

register = template.Library()

# A rate is a count per one unit ("5/h"), so its window is always one of these.
WINDOW_WORDS = {1: _("a second"), 60: _("a minute"), 3600: _("an hour"), 86400: _("a day")}


@register.simple_tag
def inquiry_rate_window() -> str:
    """How long the inquiry rate limit counts: "an hour" for INQUIRY_RATE_LIMIT = "5/h"."""
    return str(WINDOW_WORDS[parse_rate(settings.INQUIRY_RATE_LIMIT, setting="INQUIRY_RATE_LIMIT").period])


@register.simple_tag
def csrf_cookie_name() -> str:
    return settings.CSRF_COOKIE_NAME
