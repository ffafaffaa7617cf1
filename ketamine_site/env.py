"""Small readers for settings that come from environment variables."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}, not {raw!r}")


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_required(name: str, *, unless: bool, fallback: str) -> str:
    """A variable production cannot run without; `fallback` is used only when `unless` is true."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if unless:
        return fallback
    raise ImproperlyConfigured(f"{name} must be set to serve the site with DEBUG off (see README, 'Settings').")


def env_path_prefix(name: str, default: str) -> str:
    """A URL prefix such as `staff/tools/`: no leading slash, one trailing slash, never empty."""
    prefix = (os.environ.get(name) or default).strip().strip("/")
    if not prefix or not all(part and part not in {".", ".."} for part in prefix.split("/")):
        raise ImproperlyConfigured(f"{name} must be a path such as 'staff-admin/', not {os.environ.get(name)!r}")
    return prefix + "/"
