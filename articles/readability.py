"""
Reading grade of article prose (Flesch-Kincaid), computed here rather than with a library
because textstat releases after 0.7.8 download a word list at run time, which fails offline.

It reads the prose blocks rendering already extracted (`Rendered.prose_blocks`), never HTML.
"""

import re

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


def flesch_kincaid_grade(blocks: tuple[str, ...] | list[str]) -> float | None:
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
