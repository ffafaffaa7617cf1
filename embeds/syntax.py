"""
The `!video[What the video shows](https://www.youtube-nocookie.com/embed/ID)` Markdown line.

Only https addresses of the players below are accepted; anything else is reported as a problem
and left out, and the rest of the page renders as usual. A video becomes an empty slot in the
HTML, and after sanitizing the article body is split around the slots (see `embeds`).
"""

import re
import secrets
import xml.etree.ElementTree as etree  # noqa: N813 - the name python-markdown uses
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import markdown
from django.utils.safestring import SafeString, mark_safe
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

EMBED_LINE = re.compile(r"^!video\[([^\]\n]+)\]\((\S+)\)\s*$", re.MULTILINE)
# Player host -> the path a video address must have there (no query strings, no other pages).
ALLOWED_PLAYERS = {
    "www.youtube-nocookie.com": re.compile(r"^/embed/[A-Za-z0-9_-]{6,20}$"),
    "player.vimeo.com": re.compile(r"^/video/[0-9]{1,12}$"),
}


@dataclass(frozen=True)
class Embed:
    index: int
    title: str
    url: str

    is_embed = True  # lets templates tell an embed from a run of HTML

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname


def problem_with(url: str) -> str | None:
    """Why `url` cannot be embedded, or None if it can."""
    parts = urlsplit(url)
    pattern = ALLOWED_PLAYERS.get(parts.hostname or "")
    if parts.scheme != "https" or pattern is None or parts.port or parts.username:
        return f"videos must be https addresses on {', '.join(sorted(ALLOWED_PLAYERS))}, not {url}"
    if parts.query or parts.fragment or not pattern.match(parts.path):
        return f"not a video player address on {parts.hostname}: {url}"
    return None


class EmbedExtension(Extension):
    """Collects the embeds of one conversion and splits the sanitized HTML around them."""

    def __init__(self, report: Callable[[str, str], None]):
        super().__init__()
        self.report = report
        self.embeds: list[Embed] = []
        # A fresh token per conversion: an editor's raw HTML cannot forge a slot.
        self.slot_class = f"embed-slot-{secrets.token_hex(8)}"

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - python-markdown's API
        md.parser.blockprocessors.register(_EmbedProcessor(md.parser, self), "video_embed", 75)

    def parts(self, sanitized: SafeString) -> tuple[SafeString | Embed, ...]:
        """The sanitized article body as runs of HTML with the embeds between them."""
        if not self.embeds:
            return (sanitized,)
        slot = re.compile(rf'<div class="{self.slot_class}-(\d+)"></div>')
        # re.split puts the captured slot numbers at the odd places; between them are runs of the
        # sanitized HTML, which stay safe (cutting at whole elements adds nothing).
        pieces = slot.split(sanitized)
        return tuple(
            self.embeds[int(piece)] if index % 2 else mark_safe(piece)  # noqa: S308 - runs of sanitized HTML
            for index, piece in enumerate(pieces)
        )


class _EmbedProcessor(BlockProcessor):
    def __init__(self, parser, extension: EmbedExtension):
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return EMBED_LINE.search(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        match = EMBED_LINE.search(block)
        before, after = block[: match.start()].rstrip("\n"), block[match.end() :].lstrip("\n")
        if before:
            self.parser.parseBlocks(parent, [before])
        title, url = match.group(1).strip(), match.group(2)
        problem = problem_with(url)
        if problem:
            self.extension.report(match.group(0), problem)
        else:
            index = len(self.extension.embeds)
            self.extension.embeds.append(Embed(index=index, title=title, url=url))
            etree.SubElement(parent, "div", {"class": f"{self.extension.slot_class}-{index}"})
        if after:
            blocks.insert(0, after)
