"""
`check_references`: are an article's sources still checkable?

Offline, every DOI and PubMed ID must be well-formed (articles/identifiers.py). Online, every DOI,
PubMed and URL link must still answer (articles/link_checker.py), asked a few at a time and
remembered for a day (articles/link_cache.py). Each problem is reported on the line where the
reference starts in the front matter.
"""

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import quote

from articles.frontmatter import DOI_RESOLVER, PUBMED_BASE, Reference
from articles.identifiers import doi_problems, pmid_problems
from articles.library import Article, Library
from articles.link_cache import LinkCache
from articles.link_checker import Answer, Verdict, check_address
from articles.problems import ERROR, WARNING, Problem

# What a browser leaves unescaped in a path, so the checker asks for the address a reader's click asks for.
PATH_SAFE = "/:@!$&'()*+,;=-._~"


@dataclass(frozen=True)
class Resolvers:
    doi: str = DOI_RESOLVER
    pubmed: str = PUBMED_BASE


@dataclass(frozen=True)
class Link:
    article: Article
    reference: Reference
    kind: str  # "doi", "pmid" or "url"
    address: str


@dataclass(frozen=True)
class OnlineRun:
    problems: list[Problem]
    addresses: int
    from_cache: int


def unloaded_problems(library: Library) -> list[Problem]:
    """Problems of files that did not load: their references cannot be checked until these are fixed."""
    loaded = {article.path for article in library.articles}
    return [problem for problem in library.problems if problem.path not in loaded]


def identifier_problems(articles: Iterable[Article]) -> list[Problem]:
    problems = []
    for article in articles:
        for reference in article.metadata.references:
            messages = doi_problems(reference.doi) + pmid_problems(reference.pmid)
            problems += [_problem(article, reference, f": {message}") for message in messages]
    return problems


def links_of(articles: Iterable[Article], resolvers: Resolvers) -> list[Link]:
    links = []
    for article in articles:
        for reference in article.metadata.references:
            if reference.doi:
                links.append(Link(article, reference, "doi", f"{resolvers.doi}{quote(reference.doi, safe=PATH_SAFE)}"))
            if reference.pmid:
                links.append(Link(article, reference, "pmid", f"{resolvers.pubmed}{reference.pmid}/"))
            if reference.url:
                links.append(Link(article, reference, "url", reference.url))
    return links


def link_problems(links: list[Link], cache: LinkCache, *, timeout: float, workers: int) -> OnlineRun:
    """Ask each distinct address once (cached ones not at all), at most `workers` at a time."""
    doi_addresses = {link.address for link in links if link.kind == "doi"}
    answers = {address: cache.get(address) for address in dict.fromkeys(link.address for link in links)}
    to_ask = [address for address, answer in answers.items() if answer is None]

    def ask(address: str) -> Answer:
        return check_address(address, timeout=timeout, any_redirect_resolves=address in doi_addresses)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for address, answer in zip(to_ask, pool.map(ask, to_ask), strict=True):
            answers[address] = answer
            cache.put(address, answer)
    problems = [
        _problem(
            link.article,
            link.reference,
            f" ({link.kind}) {link.address} {answers[link.address].detail}",
            WARNING if answers[link.address].verdict == Verdict.MOVED else ERROR,
        )
        for link in links
        if answers[link.address].verdict != Verdict.OK
    ]
    return OnlineRun(problems=problems, addresses=len(answers), from_cache=len(answers) - len(to_ask))


def _problem(article: Article, reference: Reference, message: str, severity: str = ERROR) -> Problem:
    return Problem(article.path, reference.line, f"reference '{reference.id}'{message}", severity)
