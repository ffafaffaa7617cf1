"""
The text of an article's sanitized HTML, read in one pass at render time: the plain text (for
word counts and search) and the running prose (for snippets and the reading grade).

Running prose is paragraphs, list items and definitions. Headings, tables, code and citation
numbers are left out of it, since they are not sentences.
"""

from dataclasses import dataclass
from html.parser import HTMLParser

PROSE_TAGS = frozenset({"p", "li", "dd", "dt"})
NOT_PROSE_TAGS = frozenset({"table", "pre", "code", "sup", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class HtmlText:
    plain: str
    prose_blocks: tuple[str, ...]


class _TextReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.blocks: list[str] = []
        self._not_prose_depth = 0
        self._block: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in NOT_PROSE_TAGS:
            self._not_prose_depth += 1
        elif tag in PROSE_TAGS and self._not_prose_depth == 0:
            self.end_block()
            self._block = []

    def handle_endtag(self, tag):
        if tag in NOT_PROSE_TAGS:
            self._not_prose_depth = max(0, self._not_prose_depth - 1)
        elif tag in PROSE_TAGS:
            self.end_block()

    def handle_data(self, data):
        self.text.append(data)
        if self._block is not None and self._not_prose_depth == 0:
            self._block.append(data)

    def end_block(self):
        if self._block:
            text = " ".join("".join(self._block).split())
            if text:
                self.blocks.append(text)
        self._block = None


def read_text(html: str) -> HtmlText:
    reader = _TextReader()
    reader.feed(html)
    reader.close()
    reader.end_block()
    return HtmlText(plain="".join(reader.text), prose_blocks=tuple(reader.blocks))
