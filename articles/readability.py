"""
Reading grade of article prose (Flesch-Kincaid), computed here rather than with a library
because textstat releases after 0.7.8 download a word list at run time, which fails offline.

It reads the prose blocks rendering already extracted (`Rendered.prose_blocks`), never HTML.
"""

import itertools
import re
from collections.abc import Callable

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


def text_counts(blocks, word: re.Pattern, syllables_of: Callable[[str], int]) -> tuple[int, int, int]:
    """(sentences, words, syllables) of the prose blocks; each block ends a sentence even without a
    full stop."""
    sentences = words = syllables = 0
    for block in blocks:
        block_words = word.findall(block)
        if not block_words:
            continue
        sentences += max(1, len(SENTENCE_END.findall(block.rstrip(" .!?") + ".")))
        words += len(block_words)
        syllables += sum(syllables_of(found) for found in block_words)
    return sentences, words, syllables


def flesch_kincaid_grade(blocks: tuple[str, ...] | list[str]) -> float | None:
    """The US school grade of the text."""
    sentences, words, syllables = text_counts(blocks, WORD, count_syllables)
    if not words:
        return None
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


# Spanish: the Szigriszt-Pazos perspicuity index, read on the INFLESZ scale that Barrio-Cantalejo
# et al. (2008) built for Spanish health information for patients (55-65 "normal", above 65 easy),
# and the Fernandez-Huerta score beside it. Both are 206.84 minus terms in syllables per word and
# words per sentence, so they need Spanish syllables, counted below from the vowel nuclei.
SPANISH_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
SPANISH_VOWEL_GROUPS = re.compile(r"[aeiouáéíóúüy]+")
STRONG_VOWELS = set("aeoáéíóú")  # an accented i or u is strong: "día" is two syllables
INFLESZ_NORMAL = 55.0


def count_spanish_syllables(word: str) -> int:
    """One per vowel group (diphthongs and triphthongs share a syllable), plus one for each hiatus:
    two strong vowels side by side ("le-er", "ca-ó-ti-co"). A final y is a vowel ("hoy")."""
    word = word.lower()
    if word[0].isdigit():
        return 1
    count = 0
    for group in SPANISH_VOWEL_GROUPS.findall(word.removeprefix("y")):
        count += 1 + sum(a in STRONG_VOWELS and b in STRONG_VOWELS for a, b in itertools.pairwise(group))
    return max(1, count)


def spanish_readability(blocks: tuple[str, ...] | list[str]) -> tuple[float, float] | None:
    """(Szigriszt-Pazos / INFLESZ, Fernandez-Huerta) of the text; higher is easier, 100 is very easy."""
    sentences, words, syllables = text_counts(blocks, SPANISH_WORD, count_spanish_syllables)
    if not words:
        return None
    szigriszt = 206.835 - 62.3 * syllables / words - words / sentences
    # As corrected by Law (2011): 0.60 per syllable in 100 words, 1.02 per word of sentence length;
    # the often-copied "sentences per 100 words" would score shorter sentences as harder.
    fernandez_huerta = 206.84 - 60 * syllables / words - 1.02 * words / sentences
    return szigriszt, fernandez_huerta
