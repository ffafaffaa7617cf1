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
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from articles.library import Article, Library

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
SNIPPET_WORDS = 28
MAX_RESULTS = 50


def stem(word: str) -> str:
    """A light suffix-stripping stem; good enough to match plurals and common verb forms."""
    if len(word) <= 4:
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return word


def tokens(text: str) -> list[str]:
    return [stem(word) for word in WORD.findall(text.lower()) if word not in STOP_WORDS]


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
    def __init__(self, articles: tuple[Article, ...]):
        self.field_counts: dict[str, dict[str, Counter]] = {}
        document_frequency: Counter = Counter()
        for article in articles:
            fields = {
                "title": Counter(tokens(article.title)),
                "headings": Counter(tokens(" ".join(heading.text for heading in article.rendered.toc))),
                "summary": Counter(tokens(article.summary)),
                "body": Counter(tokens(article.rendered.plain_text)),
            }
            self.field_counts[article.slug] = fields
            document_frequency.update(set().union(*fields.values()))
        total = max(1, len(articles))
        self.idf = {term: math.log(1 + total / count) for term, count in document_frequency.items()}
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

    def score(self, slug: str, query_terms: list[dict[str, float]]) -> float:
        fields = self.field_counts[slug]
        total = 0.0
        for alternatives in query_terms:
            best = 0.0
            for term, weight in alternatives.items():
                term_score = sum(
                    FIELD_WEIGHTS[name] * (1 + math.log(count))
                    for name, counts in fields.items()
                    if (count := counts.get(term))
                )
                best = max(best, term_score * self.idf[term] * weight)
            if best == 0.0:
                return 0.0  # every query word must match somewhere
            total += best
        return total


def index_for(library: Library) -> SearchIndex:
    return library.derived("search-index", lambda: SearchIndex(library.articles))


def search(library: Library, query: str, today: date) -> list[Result]:
    """Public articles matching every word of `query`, best first, with highlighted snippets."""
    index = index_for(library)
    query_terms = [index.expand(term) for term in dict.fromkeys(tokens(query))]
    if not query_terms:
        return []
    scored = []
    for article in library.public(today):
        score = index.score(article.slug, query_terms)
        if score > 0:
            scored.append((score, article))
    scored.sort(key=lambda pair: (-pair[0], pair[1].title.lower()))
    matched_terms = {term for alternatives in query_terms for term in alternatives}
    return [Result(article, score, snippet(article, matched_terms)) for score, article in scored[:MAX_RESULTS]]


def snippet(article: Article, terms: set[str]) -> tuple[Segment, ...]:
    """About SNIPPET_WORDS words of the body around the first match, matches marked."""
    words = article.rendered.plain_text.split()
    positions = [i for i, word in enumerate(words) if any(stem(w) in terms for w in WORD.findall(word.lower()))]
    if not positions:
        return (Segment(article.summary, False),)
    start = max(0, positions[0] - SNIPPET_WORDS // 3)
    window = words[start : start + SNIPPET_WORDS]
    segments: list[Segment] = [Segment("… ", False)] if start else []
    for word in window:
        is_match = any(stem(w) in terms for w in WORD.findall(word.lower()))
        if segments and segments[-1].is_match == is_match and not is_match:
            segments[-1] = Segment(segments[-1].text + word + " ", False)
        else:
            segments += [Segment(word, True), Segment(" ", False)] if is_match else [Segment(word + " ", False)]
    if start + SNIPPET_WORDS < len(words):
        segments.append(Segment("…", False))
    return tuple(segments)
