"""
Ranked full-text search over the Library, server-rendered, no JavaScript needed.

The index is built once per Library snapshot, on the first search. Words are lower-cased and
reduced to a simple stem ("infusions" and "infusion" match), and a query word the index does not
know is matched to known words one edit away ("ketamin" finds "ketamine"), using a table of
single-letter deletions so no query ever scans the whole vocabulary. A match in the title counts
more than one in a heading, a heading more than the summary, the summary more than the body.
"""

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import snowballstemmer

from articles.library import Article, Library
from articles.snapshots import PerSnapshot
from articles.synonyms import Synonym

WORD = re.compile(r"[a-z0-9]+")
FIELD_WEIGHTS = {"title": 8.0, "headings": 4.0, "summary": 2.0, "body": 1.0}
SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s")
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "how",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "to",
        "what",
        "with",
    ]
)
WHOLE_QUERY_IN_TITLE = 1.5
LENGTH_NORMALISATION = 0.5  # BM25's b: 0 ignores length, 1 divides body weight by length relative to the mean
SYNONYM_WEIGHT = 0.9  # an editor's synonym is nearly as good as the word itself, better than a typo match
SNIPPET_WORDS = 28
MAX_RESULTS = 30


def stem(word: str) -> str:
    """A light suffix-stripping stem; good enough to match plurals and common verb forms."""
    if len(word) <= 4:
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return word


def fold_accents(word: str) -> str:
    """ "depresión" -> "depresion": readers often type without accents (and ñ as n)."""
    return "".join(char for char in unicodedata.normalize("NFKD", word) if not unicodedata.combining(char))


@dataclass(frozen=True)
class Analyzer:
    """How one language's text becomes index terms: its words, its stop words, its stemmer."""

    word_pattern: re.Pattern
    stop_words: frozenset[str]
    stemmer: Callable[[str], str]
    fold: Callable[[str], str] = str

    def words(self, text: str) -> list[str]:
        """The words of `text` as written (lower-cased): what highlighting looks for."""
        return self.word_pattern.findall(text.lower())

    def is_stop_word(self, word: str) -> bool:
        return self.fold(word) in self.stop_words

    def term(self, word: str) -> str:
        return self.stemmer(self.fold(word))


SPANISH_STOP_WORDS = frozenset(
    [
        "a",
        "al",
        "como",
        "con",
        "de",
        "del",
        "el",
        "en",
        "es",
        "esta",
        "este",
        "la",
        "las",
        "lo",
        "los",
        "o",
        "para",
        "por",
        "que",
        "se",
        "su",
        "sus",
        "un",
        "una",
        "uno",
        "y",
    ]
)
ENGLISH = Analyzer(WORD, STOP_WORDS, stem)
# Snowball's Spanish stemmer, on accent-folded words so "depresion" and "depresiones" meet "depresión".
SPANISH = Analyzer(
    re.compile(r"[^\W_]+"), SPANISH_STOP_WORDS, snowballstemmer.stemmer("spanish").stemWord, fold_accents
)
ANALYZERS = {"en": ENGLISH, "es": SPANISH}


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass(frozen=True)
class Segment:
    text: str
    is_match: bool


@dataclass(frozen=True)
class Result:
    article: Article
    score: float
    snippet: tuple[Segment, ...]


class SearchIndex:
    """An inverted index: for each term, the articles holding it and how much the match is worth."""

    def __init__(self, articles: tuple[Article, ...], synonyms: tuple[Synonym, ...] = (), analyzer: Analyzer = ENGLISH):
        self.analyzer = analyzer
        self.synonyms = {synonym.typed_words: synonym for synonym in synonyms}
        self.longest_typed = max((len(words) for words in self.synonyms), default=1)
        self.postings: dict[str, dict[str, float]] = defaultdict(dict)
        self.surface_forms: dict[str, set[str]] = defaultdict(set)  # stem -> the words that produced it
        # Snippets come from running prose only: no headings, table cells or citation numbers.
        self.prose = {article.slug: " ".join(article.rendered.prose_blocks) for article in articles}
        self.title_terms = {
            article.slug: {analyzer.term(word) for word in analyzer.words(article.title)} for article in articles
        }
        average_words = sum(article.rendered.word_count for article in articles) / max(1, len(articles))
        for article in articles:
            # Long pages mention everything; as in BM25, their body matches count for less.
            length_factor = (
                1 - LENGTH_NORMALISATION + LENGTH_NORMALISATION * article.rendered.word_count / average_words
            )
            fields = {
                "title": article.title,
                "headings": " ".join(heading.text for heading in article.rendered.toc),
                "summary": article.summary,
                "body": article.rendered.plain_text,
            }
            for name, text in fields.items():
                counts: Counter = Counter()
                for word in analyzer.words(text):
                    if not analyzer.is_stop_word(word):
                        term = analyzer.term(word)
                        counts[term] += 1
                        self.surface_forms[term].add(word)
                for term, count in counts.items():
                    weight = FIELD_WEIGHTS[name] * (1 + math.log(count))
                    if name == "body":
                        weight /= max(length_factor, 0.5)
                    self.postings[term][article.slug] = self.postings[term].get(article.slug, 0.0) + weight
        total = max(1, len(articles))
        self.idf = {term: math.log(1 + total / len(slugs)) for term, slugs in self.postings.items()}
        self.near: dict[str, set[str]] = defaultdict(set)
        for term in self.idf:
            if len(term) >= 4:
                for variant in deletions(term) | {term}:
                    self.near[variant].add(term)

    def expand(self, term: str) -> dict[str, float]:
        """Index terms a query term stands for, with a weight (a typo-corrected match counts less)."""
        if term in self.idf:
            return {term: 1.0}
        if len(term) < 4:
            return {}
        candidates = set(self.near.get(term, ()))
        for variant in deletions(term):
            candidates |= self.near.get(variant, set())
        return dict.fromkeys(candidates, 0.6)

    def query_units(self, query: str) -> list[dict[str, float]]:
        """One unit per query word or synonym phrase: the index terms that satisfy it, with weights.

        A word (or phrase, longest first) from the editors' synonyms also matches its article words,
        a little below the word itself, so "esketamine vs ketamine" finds "compared"."""
        words = [self.analyzer.fold(word) for word in self.analyzer.words(query)]
        units: dict[tuple, dict[str, float]] = {}
        position = 0
        while position < len(words):
            for length in range(min(self.longest_typed, len(words) - position), 0, -1):
                synonym = self.synonyms.get(tuple(words[position : position + length]))
                if synonym is not None:
                    break
            else:
                length, synonym = 1, None
            typed = [word for word in words[position : position + length] if not self.analyzer.is_stop_word(word)]
            position += length
            alternatives: dict[str, float] = {}
            for word in typed:
                alternatives.update(self.expand(self.analyzer.term(word)))
            for word in synonym.article_words if synonym else ():
                for term, weight in self.expand(self.analyzer.term(word)).items():
                    alternatives[term] = max(alternatives.get(term, 0.0), weight * SYNONYM_WEIGHT)
            if typed or alternatives:
                units.setdefault(tuple(sorted(alternatives.items())), alternatives)
        return list(units.values())

    def scores(self, query_terms: list[dict[str, float]]) -> dict[str, float]:
        """Articles holding every query word (or a stand-in for it), with their scores."""
        totals: dict[str, float] | None = None
        for alternatives in query_terms:
            best: dict[str, float] = {}
            for term, weight in alternatives.items():
                factor = self.idf[term] * weight
                for slug, value in self.postings[term].items():
                    best[slug] = max(best.get(slug, 0.0), value * factor)
            if totals is None:
                totals = best
            else:
                totals = {slug: score + best[slug] for slug, score in totals.items() if slug in best}
            if not totals:
                return {}
        for slug in totals or {}:
            # Every word of the query in the title is the strongest sign the page is about exactly that.
            if all(self.title_terms[slug].intersection(alternatives) for alternatives in query_terms):
                totals[slug] *= WHOLE_QUERY_IN_TITLE
        return totals or {}

    def highlighter(self, terms: set[str]) -> re.Pattern | None:
        forms = sorted({form for term in terms for form in self.surface_forms.get(term, ())}, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE) if forms else None


index_for = PerSnapshot(
    lambda library: SearchIndex(library.articles, library.synonyms, ANALYZERS.get(library.language, ENGLISH))
)


def search(library: Library, query: str, today: date) -> list[Result]:
    """Public articles matching every word of `query`, best first, with highlighted snippets."""
    index = index_for(library)
    query_terms = index.query_units(query)
    if not query_terms:
        return []
    public = {article.slug: article for article in library.public(today)}
    scored = [(score, public[slug]) for slug, score in index.scores(query_terms).items() if slug in public]
    scored.sort(key=lambda pair: (-pair[0], pair[1].title.lower()))
    highlighter = index.highlighter({term for alternatives in query_terms for term in alternatives})
    return [
        Result(article, score, snippet(index.prose[article.slug], article.summary, highlighter))
        for score, article in scored[:MAX_RESULTS]
    ]


def snippet(text: str, summary: str, highlighter: re.Pattern | None) -> tuple[Segment, ...]:
    """About SNIPPET_WORDS words of `text` around the first match, matches marked; else the summary."""
    first = highlighter.search(text) if highlighter else None
    if first is None:
        return (Segment(summary, False),)
    before = text[: first.start()].split()
    after = text[first.start() :].split()
    lead = before[-(SNIPPET_WORDS // 3) :]
    rest = after[: SNIPPET_WORDS - len(lead)]
    window = " ".join(lead + rest)
    segments = [Segment("… ", False)] if len(lead) < len(before) else []
    position = 0
    for match in highlighter.finditer(window):
        segments += [Segment(window[position : match.start()], False), Segment(match.group(0), True)]
        position = match.end()
    segments.append(Segment(window[position:] + (" …" if len(rest) < len(after) else ""), False))
    return tuple(segment for segment in segments if segment.text)
