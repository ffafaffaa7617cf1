"""
Reading grade of article prose (Flesch-Kincaid), computed here rather than with a library
because textstat releases after 0.7.8 download a word list at run time, which fails offline.

Only running prose counts: paragraphs, list items and definitions. Headings, tables, code and
citation numbers are left out, since they are not sentences.
"""

import re
from html.parser import HTMLParser

PROSE_TAGS = frozenset({"p", "li", "dd", "dt"})
SKIPPED_TAGS = frozenset({"table", "pre", "code", "sup", "h2", "h3", "h4", "h5", "h6"})
WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|\d+(?:[.,]\d+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def count_syllables(word: str) -> int:
    """Vowel groups, less a silent final 'e'; at least one. A number counts as one syllable."""
    word = word.lower()
    if word[0].isdigit():
        return 1
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if word.endswith("es") and len(word) > 3 and word[-3] not in "aeiouyscxzgh" and count > 1:
        count -= 1  # "makes", "types": the e is silent
    return max(1, count)


class _ProseExtractor(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self._skip_depth = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag in PROSE_TAGS and self._skip_depth == 0:
            self._flush()
            self._current = []

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in PROSE_TAGS:
            self._flush()

    def handle_data(self, data):
        if self._current is not None and self._skip_depth == 0:
            self._current.append(data)

    def _flush(self):
        if self._current:
            text = " ".join("".join(self._current).split())
            if text:
                self.blocks.append(text)
        self._current = None


def prose_blocks(html: str) -> list[str]:
    extractor = _ProseExtractor()
    extractor.feed(html)
    extractor.close()
    extractor._flush()
    return extractor.blocks


def flesch_kincaid_grade(blocks: list[str]) -> float | None:
    """The US school grade of the text; each block ends a sentence even without a full stop."""
    sentences = words = syllables = 0
    for block in blocks:
        block_words = WORD.findall(block)
        if not block_words:
            continue
        sentences += max(1, len(SENTENCE_END.findall(block.rstrip(" .!?") + ".")))
        words += len(block_words)
        syllables += sum(count_syllables(word) for word in block_words)
    if not words:
        return None
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59
