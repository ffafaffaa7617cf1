"""
The allowlist that decides which HTML may reach a reader, and the one place HTML is marked safe.

Editors' Markdown may contain raw HTML. Whatever it holds, only these tags, attributes and URL
schemes survive: no scripts, event handlers, styles, frames, forms, SVG or MathML, and no
`javascript:` or `data:` addresses.
"""

import json
import re

import bleach
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "code", "pre",
        "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td",
        "caption", "a", "img", "sup", "sub", "abbr", "div", "span", "del", "ins", "kbd", "mark", "small",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "id", "class", "aria-label"],
    "img": ["src", "alt", "title", "width", "height", "loading", "decoding"],
    "abbr": ["title"],
    "h2": ["id"],
    "h3": ["id"],
    "h4": ["id"],
    "h5": ["id"],
    "h6": ["id"],
    "sup": ["id", "class"],
    "li": ["id"],
    "ol": ["start"],
    "div": ["class"],
    "p": ["class"],
    "span": ["class"],
    "th": ["class"],
    "td": ["class"],
}
TAG_NAME = re.compile(r"</?([a-z][^\s/>]*)")  # as the HTML parser reads a name: up to a space, / or >
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


def clean(fragment: str) -> str:
    """The fragment with everything outside the allowlist removed (still a plain string)."""
    return _cleaner.clean(fragment)


def changes(fragment: str) -> bool:
    """Whether cleaning removes anything from the fragment (for telling editors, not for safety).

    Both sides go through the same HTML parser and serializer, so only what the allowlist removes
    makes them differ; an unclosed inline tag such as `<abbr title="x">` does not count.
    """
    permissive = bleach.Cleaner(
        tags=set(TAG_NAME.findall(fragment.lower())) | ALLOWED_TAGS,
        attributes=lambda tag, name, value: True,
        protocols={*ALLOWED_PROTOCOLS, "javascript", "data", "vbscript", "file", "ftp"},
        strip=True,
        strip_comments=False,
    )
    return clean(fragment) != permissive.clean(fragment)


def sanitize(fragment: str) -> SafeString:
    """Clean the fragment and mark it safe for templates.

    Only this module and the embed splitter (`embeds.syntax`, which cuts HTML returned here) mark
    anything safe."""
    return mark_safe(clean(fragment))  # noqa: S308 - cleaned by the allowlist above


JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """A JSON-LD block. `<`, `>` and `&` are escaped so no value can close the script element."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above
