"""
The allowlist that decides which HTML may reach a reader, and the one place HTML is marked safe.

Editors' Markdown may contain raw HTML. Whatever it holds, only these tags, attributes and URL
schemes survive: no scripts, event handlers, styles, frames, forms, SVG or MathML, and no
`javascript:` or `data:` addresses.

Markup the renderer builds itself (citation and glossary links, dozens per article) is checked
against the same allowlist and written out escaped by `prechecked_html`, then held out of bleach's
way by `Placeholders`: re-parsing it cost more than half of bleach's time on a real article.
Anything that fails the check goes through bleach like the rest.
"""

import html
import json
import re
import secrets
import xml.etree.ElementTree as etree  # noqa: N813 - the name python-markdown uses
from typing import NamedTuple

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


class Sanitized(NamedTuple):
    html: SafeString  # cleaned, with the held pieces back: for templates
    with_placeholders: str  # cleaned, the held pieces still placeholders: cheaper to read the text of


def sanitize(fragment: str, held: "Placeholders | None" = None) -> Sanitized:
    """Clean the fragment, put back the markup `held` kept out of it, and mark it safe for templates.

    Only this module and the embed splitter (`embeds.syntax`, which cuts HTML returned here) mark
    anything safe."""
    cleaned = clean(fragment)
    return Sanitized(mark_safe(held.restore(cleaned) if held else cleaned), cleaned)  # noqa: S308 - cleaned or prechecked


# Only links to a place on this site: a fragment, or a path that is not protocol-relative.
PRECHECKED_HREF = re.compile(r"^(?:#|/(?!/))[^\\\s:]*$")


def prechecked_html(element: etree.Element) -> SafeString | None:
    """`element` (not its tail) as HTML, if every tag and attribute in it is on the allowlist and
    every link stays on this site; None if anything is not, so it goes through bleach instead.
    Text and attribute values are escaped, attributes written in bleach's (alphabetical) order."""
    parts: list[str] = []
    if not _write_prechecked(element, parts):
        return None
    return mark_safe("".join(parts))  # noqa: S308 - allowlisted tags and attributes, escaped values


# python-markdown's own placeholders (raw HTML it puts back after writing the tree) start with STX.
MARKDOWN_PLACEHOLDER = "\x02"


def _write_prechecked(element: etree.Element, parts: list[str]) -> bool:
    tag = element.tag
    allowed = ALLOWED_ATTRIBUTES.get(tag, ())
    if tag not in ALLOWED_TAGS or any(name not in allowed for name in element.attrib):
        return False
    href = element.get("href")
    if href is not None and not PRECHECKED_HREF.match(href):
        return False
    texts = [element.text or "", *element.attrib.values(), *(child.tail or "" for child in element)]
    if any(MARKDOWN_PLACEHOLDER in text for text in texts):
        return False
    attributes = "".join(f' {name}="{html.escape(value)}"' for name, value in sorted(element.attrib.items()))
    parts.append(f"<{tag}{attributes}>{html.escape(element.text or '', quote=False)}")
    for child in element:
        if not _write_prechecked(child, parts):
            return False
        parts.append(html.escape(child.tail or "", quote=False))
    parts.append(f"</{tag}>")
    return True


class Placeholders:
    """Prechecked HTML kept out of one fragment while bleach cleans it. Each piece is replaced by
    a placeholder of text (private-use characters around a random token and a number), which
    bleach passes through as it is; `restore` puts the pieces back. The token is new for each
    fragment, so nothing an editor writes can name a piece."""

    def __init__(self):
        self.token = secrets.token_hex(8)
        self.pieces: list[SafeString] = []
        self.pattern = re.compile(f"\ue000{self.token}:(\\d+)\ue001")  # any one of this fragment's placeholders

    def hold(self, piece: SafeString) -> str:
        if not isinstance(piece, SafeString):
            raise TypeError("only prechecked HTML can be held out of the cleaner")
        self.pieces.append(piece)
        return f"\ue000{self.token}:{len(self.pieces) - 1}\ue001"

    def restore(self, cleaned: str) -> str:
        if not self.pieces:
            return cleaned
        return self.pattern.sub(lambda match: self.pieces[int(match[1])], cleaned)


JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """A JSON-LD block. `<`, `>` and `&` are escaped so no value can close the script element."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308 - escaped above
